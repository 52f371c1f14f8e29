import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_WYCHEPROOF_DIR, WYCHEPROOF_DIR } from './vectors.js';

// The vendored vectors are the upstream files, unchanged: their checksums are recorded in the
// README beside them, and they must match the project's shared copy where one is present.
const readme = readFileSync(join(WYCHEPROOF_DIR, 'README.md'), 'utf8');
const recorded = [...readme.matchAll(/^\| (\w+\.json) \| [^|]+ \| ([0-9a-f]{64}) \|$/gm)].map(
  (m) => [m[1]!, m[2]!] as const,
);

describe('vendored Wycheproof vectors', () => {
  it('records a checksum for every applicable file', () => {
    expect(recorded.map(([file]) => file).sort()).toEqual([
      'aes_gcm_test.json',
      'chacha20_poly1305_test.json',
      'hkdf_sha1_test.json',
      'hkdf_sha256_test.json',
      'hkdf_sha384_test.json',
      'hkdf_sha512_test.json',
      'xchacha20_poly1305_test.json',
    ]);
  });

  it.each(recorded)('%s is byte-identical to upstream', (file, sha256) => {
    const bytes = readFileSync(join(WYCHEPROOF_DIR, file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    const shared = join(SHARED_WYCHEPROOF_DIR, file);
    if (existsSync(shared)) expect(bytes.equals(readFileSync(shared))).toBe(true);
  });
});
