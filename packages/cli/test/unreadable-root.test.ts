import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Permissions do not stop root, so as root the CLI runs as `nobody` (uid 65534) to meet a folder it
// cannot read. The built CLI is used: `npm test` builds before it tests.
const bin = fileURLToPath(new URL('../bin/secret-hygiene.js', import.meta.url));
const asRoot = process.getuid?.() === 0;
const as: SpawnSyncOptions = { encoding: 'utf8', cwd: tmpdir(), ...(asRoot ? { uid: 65534, gid: 65534 } : {}) };
const canRun = spawnSync(process.execPath, [bin, '--version'], as).status === 0;

const root = mkdtempSync(join(tmpdir(), 'sh-unreadable-'));
writeFileSync(join(root, 'config.ts'), "export const apiKey = 'Zx9vQ2mL7kP4rT8wQ1nB';\n");
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

describe('an unreadable scan root', () => {
  it.skipIf(!canRun)('is an error (exit 2, one line), never a clean pass', () => {
    chmodSync(root, 0o000);
    const result = spawnSync(process.execPath, [bin, 'scan', root, '--no-progress'], as);
    expect(result.status).toBe(2);
    expect(String(result.stderr)).toMatch(/cannot read .*sh-unreadable-/);
    expect(String(result.stderr).trim().split('\n')).toHaveLength(1);
  });
});
