import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { viaEslint, viaScanner } from './support/hosts.js';

// One implementation of each check, two hosts: on the same files, the ESLint plugin (with type
// information) and the scanner must report the very same findings, to the column and the message.
const repo = fileURLToPath(new URL('../', import.meta.url));

describe.each(['leaky-app', 'clean-app'])('plugin and scanner agree on fixtures/%s', (app) => {
  it('report identical findings', async () => {
    const root = `${repo}fixtures/${app}`;
    const [fromEslint, fromScanner] = await Promise.all([viaEslint(root), viaScanner(root)]);
    expect(fromScanner).toEqual(fromEslint);
    if (app === 'leaky-app') expect(fromEslint.length).toBeGreaterThan(5);
  });
});

// One suppression syntax for both hosts: our comment silences the plugin too, and ESLint's directives
// for secret-hygiene rules silence the scanner too; a comment without a reason, another plugin's
// directive or a directive inside a string silences neither.
const SUPPRESSIONS = `declare const logger: { info(...args: unknown[]): void };
const password = process.env.DB_PASSWORD;
// secret-hygiene-ignore-next-line no-secret-logging -- only reaches a local debug sink
logger.info('1', password);
// eslint-disable-next-line secret-hygiene/no-secret-logging -- reviewed
logger.info('2', password);
logger.info('3', password); // eslint-disable-line secret-hygiene/no-secret-logging
/* eslint-disable secret-hygiene/no-secret-logging */
logger.info('4', password);
/* eslint-enable secret-hygiene/no-secret-logging */
logger.info('5', password);
// secret-hygiene-ignore-next-line no-secret-logging
logger.info('6', password);
// eslint-disable-next-line other-plugin/some-rule
logger.info('7', password);
const text = '// eslint-disable-line secret-hygiene/no-secret-logging'; logger.info('8', password, text);
/* eslint-disable */
logger.info('9', password);
`;

describe('plugin and scanner agree on suppressions', () => {
  it('silence the same findings, whichever syntax is used', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sh-parity-'));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'tsconfig.json'), '{"compilerOptions":{"strict":true,"types":[]},"include":["src"]}');
      writeFileSync(join(root, 'src/suppressed.ts'), SUPPRESSIONS);
      const [fromEslint, fromScanner] = await Promise.all([viaEslint(root), viaScanner(root)]);
      expect(fromScanner).toEqual(fromEslint);
      const lines = fromEslint.map((k) => Number(/:(\d+):/.exec(k)![1]));
      expect(lines).toEqual([11, 13, 15, 16]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
