import { describe, expect, it, vi } from 'vitest';
import { checksById } from '@secret-hygiene/checks';
import { scan } from '../src/index.js';
import { makeProject } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

describe('inventory', () => {
  it('lists env reads with secret names and how each is validated', async () => {
    const root = makeProject({
      'src/env.ts': [
        "import { z } from 'zod';",
        'declare function requireEnv(name: string): string;',
        'const schema = z.object({ DATABASE_URL: z.string() });',
        'export const env = schema.parse(process.env);',
        "export const jwt = requireEnv('JWT_SECRET');",
        'export const port = process.env.PORT;',
        'const apiKey = process.env.API_KEY;',
        "if (!apiKey) throw new Error('API_KEY is required');",
        'export const dbUrl = process.env.DATABASE_URL;',
        'export const { SMTP_PASSWORD } = process.env;',
        "const mongo = region === 'prod' ? process.env.MONGO_URI : process.env.MONGO_URI_LOCAL;",
        'if (!mongo) { process.exit(1); }',
        'declare const region: string;',
      ].join('\n'),
    });
    const result = await scan({ root, checks: [], inventory: true });
    expect(
      result.inventory!.envVars.map(
        (v) =>
          `${v.name} ${v.secret ? 'secret' : 'plain'} ${v.validated ? v.reads.map((r) => r.validation).join('+') : 'unvalidated'}`,
      ),
    ).toEqual([
      'API_KEY secret throws',
      'DATABASE_URL secret schema',
      'JWT_SECRET secret required-helper',
      'MONGO_URI secret throws',
      'MONGO_URI_LOCAL secret throws',
      'PORT plain unvalidated',
      'SMTP_PASSWORD secret unvalidated',
    ]);
    expect(result.inventory!.envVars.find((v) => v.name === 'PORT')!.reads).toEqual([
      { file: 'src/env.ts', line: 6, column: 21 },
    ]);
  });

  it('lists credential columns of Prisma and SQL with their protection', async () => {
    const root = makeProject({
      'schema.prisma':
        'model User {\n  password String\n  passwordHash String\n  resetAt DateTime\n  tokenCiphertext Bytes @db.ByteA\n}\n',
      'm.sql':
        "CREATE TABLE t (api_key TEXT, api_key_hash TEXT, note TEXT);\nCREATE TABLE s (token NVARCHAR(64) ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = k, ENCRYPTION_TYPE = RANDOMIZED, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256'));\n",
    });
    const result = await scan({ root, checks: [], inventory: true });
    expect(
      result.inventory!.credentialColumns.map((c) => `${c.file}:${c.line} ${c.table}.${c.column} ${c.protection}`),
    ).toEqual([
      'm.sql:1 t.api_key plaintext',
      'm.sql:1 t.api_key_hash protected',
      'm.sql:2 s.token protected',
      'schema.prisma:2 User.password plaintext',
      'schema.prisma:3 User.passwordHash protected',
      'schema.prisma:5 User.tokenCiphertext protected',
    ]);
  });

  it('lists plaintext columns declared in code, from the check itself', async () => {
    const root = makeProject({
      'schema.ts':
        "import { pgTable, text, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', {\n  id: serial('id'),\n  password: text('password'),\n});\n",
    });
    // A declaration alone is a medium finding (the rule's docs): the inventory lists what the rule reports.
    const config = { rules: { 'no-plaintext-credential-column': ['error', { minConfidence: 'medium' }] as const } };
    const result = await scan({
      root,
      config,
      checks: [checksById.get('no-plaintext-credential-column')!],
      inventory: true,
    });
    expect(result.findings).toHaveLength(1);
    expect(result.inventory!.credentialColumns).toEqual([
      expect.objectContaining({
        file: 'schema.ts',
        line: 4,
        source: 'code',
        table: 'users',
        column: 'password',
        protection: 'plaintext',
      }),
    ]);
  });

  it('lists encryption call sites with the nonce origin', async () => {
    const root = makeProject({
      'crypto.ts': [
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'const IV = randomBytes(12);',
        "export function good(key: Buffer, data: Buffer) { const iv = randomBytes(12); return createCipheriv('aes-256-gcm', key, iv).update(data); }",
        "export function bad(key: Buffer, data: Buffer) { return createCipheriv('aes-256-gcm', key, IV).update(data); }",
      ].join('\n'),
    });
    const result = await scan({ root, checks: [], inventory: true });
    expect(result.inventory!.encryptionCalls.map((c) => `${c.line} ${c.api} ${c.algorithm} ${c.nonceOrigin}`)).toEqual([
      '3 node:createCipheriv GCM random-per-call',
      '4 node:createCipheriv GCM module-level',
    ]);
  });
});
