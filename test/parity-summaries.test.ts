import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { viaEslint, viaScanner } from './support/hosts.js';

// Function summaries cross modules through the type checker, the same in both hosts: the plugin with
// type information and the scanner must report the same cross-module findings, path and all.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const FILES: Record<string, string> = {
  'tsconfig.json':
    '{"compilerOptions":{"strict":true,"types":[],"module":"NodeNext","moduleResolution":"NodeNext"},"include":["src"]}',
  'src/globals.d.ts':
    'declare const logger: { info(...args: unknown[]): void };\ndeclare const process: { env: Record<string, string | undefined> };\ndeclare module "node:crypto" { export function createHash(algorithm: string): { update(data: string): { digest(encoding: string): string } }; }\n',
  'src/http.ts': [
    'declare function redact(value: string): string;',
    'export function logRequest(value: string): void {',
    "  logger.info('request', value);",
    '}',
    'export function logMasked(value: string): void {',
    "  logger.info('request', redact(value));",
    '}',
    'export class AuditClient {',
    '  record(entry: string): void {',
    '    logRequest(entry);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/hashing.ts': [
    "import { createHash } from 'node:crypto';",
    'export function md5Hex(input: string): string {',
    "  return createHash('md5').update(input).digest('hex');",
    '}',
    '',
  ].join('\n'),
  'src/env.ts': [
    'export function getEnv(name: string, fallback?: string): string | undefined {',
    '  return process.env[name] ?? fallback;',
    '}',
    '',
  ].join('\n'),
  'src/index.ts':
    "export { logRequest as logCall, logMasked, AuditClient } from './http.js';\nexport * from './hashing.js';\nexport * from './env.js';\n",
  'src/app.ts': [
    "import { logCall, logMasked, AuditClient, md5Hex, getEnv } from './index.js';",
    "const apiKey = process.env.STRIPE_API_KEY ?? '';",
    'logCall(apiKey);',
    'logMasked(apiKey);',
    'new AuditClient().record(apiKey);',
    'declare const password: string;',
    'export const stored = md5Hex(password);',
    "export const secret = getEnv('JWT_SECRET', 'dev-secret');",
    '',
  ].join('\n'),
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sh-parity-summaries-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('plugin and scanner agree across modules', () => {
  it('report the same findings through re-exported helpers, methods and env readers', async () => {
    const [fromEslint, fromScanner] = await Promise.all([viaEslint(root), viaScanner(root)]);
    expect(fromScanner).toEqual(fromEslint);
    const where = fromEslint.map((f) => {
      const [position, rule] = f.split(' ');
      return `${position!.split('-')[0]} ${rule}`;
    });
    expect(where).toEqual([
      'src/app.ts:3:9 no-secret-logging',
      'src/app.ts:5:26 no-secret-logging',
      'src/app.ts:7:30 no-weak-crypto',
      'src/app.ts:8:23 no-env-fallback',
    ]);
    expect(fromEslint[0]).toContain('through logCall() (src/http.ts:3)');
    expect(fromEslint[1]).toContain('through new AuditClient().record(), logRequest() (src/http.ts:3)');
  });
});
