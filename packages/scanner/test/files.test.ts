import { describe, expect, it } from 'vitest';
import { analyzeConfigFile, blankJsonComments } from '../src/files/config-file.js';
import { analyzeEnvFile, isEnvExample, parseEnv } from '../src/files/env.js';
import { readPrismaFields } from '../src/files/prisma.js';

const AWS = 'AKIAIOSFODNN7EXAMPLQ';

describe('.env files', () => {
  it('parses assignments with export, quotes and trailing comments', () => {
    expect(parseEnv(['export A=1', 'B="two words" # c', "C='x'", 'D=bare # note', '# comment', 'not an assignment'])).toEqual([
      { name: 'A', value: '1', line: 1, column: 10, endColumn: 11 },
      { name: 'B', value: 'two words', line: 2, column: 3, endColumn: 14 },
      { name: 'C', value: 'x', line: 3, column: 3, endColumn: 6 },
      { name: 'D', value: 'bare', line: 4, column: 3, endColumn: 7 },
    ]);
  });

  it('tells example files from real ones', () => {
    expect(['.env.example', '.env.sample', '.env.template', 'api.env.example', '.env.vault'].every(isEnvExample)).toBe(true);
    expect(['.env', '.env.local', '.env.production', '.env.keys'].some(isEnvExample)).toBe(false);
  });

  it('reports a tracked .env and its secrets, redacted; nothing when untracked', () => {
    const lines = ['PORT=3000', `AWS_ACCESS_KEY_ID=${AWS}`, 'DB_PASSWORD=Zx9vQ2mL7kP4rT8w', 'JWT_SECRET=changeme'];
    const found = analyzeEnvFile('.env', lines, true, {});
    expect(found.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['1:1 no-tracked-env-file', '2:19 no-hardcoded-secret', '3:13 no-hardcoded-secret']);
    expect(found.map((f) => f.message).join('\n')).not.toContain(AWS);
    expect(found.map((f) => f.message).join('\n')).not.toContain('Zx9vQ2mL7kP4rT8w');
    expect(analyzeEnvFile('.env', lines, false, {})).toEqual([]);
  });

  it('accepts an example file with placeholders and reports a real secret in one', () => {
    expect(analyzeEnvFile('.env.example', ['JWT_SECRET=changeme', 'API_TOKEN=<your-token>', 'PORT=3000'], true, {})).toEqual([]);
    expect(analyzeEnvFile('.env.example', [`AWS_KEY=${AWS}`], true, {}).map((f) => f.ruleId)).toEqual(['no-hardcoded-secret']);
  });
});

describe('JSON and YAML config', () => {
  it('finds known formats under any key and secret-looking values under secret keys, with positions', () => {
    const json = `{\n  "aws": { "id": "${AWS}" },\n  "db": { "password": "Zx9vQ2mL7kP4rT8w", "host": "db.internal" },\n  "auth": { "token": "changeme" }\n}\n`;
    const { findings } = analyzeConfigFile(json, {});
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(['2:18', '3:23']);
  });

  it('reads YAML, sequences included', () => {
    const yaml = 'db:\n  password: Zx9vQ2mL7kP4rT8w\n  hosts:\n    - a\nkeys:\n  - AKIAIOSFODNN7EXAMPLQ\n';
    expect(analyzeConfigFile(yaml, {}).findings.map((f) => f.line)).toEqual([2, 6]);
  });

  it('returns a parse error instead of throwing', () => {
    const result = analyzeConfigFile('{"a": [1, }', {});
    expect(result.findings).toEqual([]);
    expect(result.error?.line).toBe(1);
  });
});

describe('Prisma schemas', () => {
  it('reads model fields with their column and table names', () => {
    const schema = [
      'datasource db { provider = "postgresql" url = env("DATABASE_URL") }',
      'model User {',
      '  id        Int     @id @default(autoincrement())',
      '  password  String  @map("pw") // the hash',
      '  apiKey    Bytes?  @db.ByteA',
      '  tags      String[]',
      '  @@map("users")',
      '}',
    ];
    expect(readPrismaFields(schema).map((f) => `${f.line}:${f.column1} ${f.table}.${f.column} ${f.type} ${f.nativeType ?? '-'}`)).toEqual([
      '3:3 users.id Int -',
      '4:3 users.pw String -',
      '5:3 users.apiKey Bytes ByteA',
      '6:3 users.tags String -',
    ]);
  });
});

describe('JSON with comments', () => {
  it('blanks comments and trailing commas without moving offsets', () => {
    const text = '{\n  // the db\n  "password": "Zx9vQ2mL7kP4rT8w", /* inline */\n  "url": "http://x//y",\n}\n';
    const blanked = blankJsonComments(text);
    expect(blanked.length).toBe(text.length);
    expect(JSON.parse(blanked)).toEqual({ password: 'Zx9vQ2mL7kP4rT8w', url: 'http://x//y' });
    const { findings, error } = analyzeConfigFile(text, {}, true);
    expect(error).toBeUndefined();
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(['3:15']);
  });
});
