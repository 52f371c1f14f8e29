import {
  checksById,
  runChecksOnTextFile,
  type SharedSettings,
  type TextEntry,
  type TextFile,
  type TextInputKind,
} from '@secret-hygiene/checks';
import { readPrismaFields } from '@secret-hygiene/checks/internal';
import { describe, expect, it } from 'vitest';
import { blankJsonComments, readConfigEntries } from '../src/files/config-file.js';
import { readEnvEntries } from '../src/files/env.js';
import { readNpmrcEntries } from '../src/files/npmrc.js';
import { readTomlEntries } from '../src/files/toml.js';
import { splitLines } from '../src/findings.js';

const AWS = 'AKIAIOSFODNN7EXAMPLQ';
const TEXT_CHECKS = ['no-hardcoded-secret', 'no-tracked-env-file', 'no-plaintext-credential-column'].map((id) =>
  checksById.get(id)!,
);

/** The registry's text checks on one file, as the scanner runs them: `line:column rule-id message`. */
function analyze(
  kind: TextInputKind,
  path: string,
  text: string,
  entries: readonly TextEntry[],
  tracked: boolean | undefined = true,
  settings: SharedSettings = {},
): string[] {
  const file: TextFile = { kind, path, text, lines: splitLines(text), entries, tracked };
  const out: string[] = [];
  runChecksOnTextFile(
    file,
    settings,
    TEXT_CHECKS.map((check) => ({
      check,
      onReport: (r) => out.push(`${r.line}:${r.column} ${check.id} ${r.messageId}`),
    })),
  );
  return out;
}
const env = (path: string, text: string, tracked?: boolean) =>
  analyze('env', path, text, readEnvEntries(splitLines(text)), tracked);

describe('.env files', () => {
  it('reads assignments with export, quotes and trailing comments, values by dotenv', () => {
    const text = [
      'export A=1',
      'B="two words" # c',
      "C='x'",
      'D=bare # note',
      '# comment',
      'not an assignment',
      'E="a\\nb"',
    ].join('\n');
    expect(readEnvEntries(splitLines(text))).toEqual([
      { key: 'A', value: '1', line: 1, column: 10, endLine: 1, endColumn: 11 },
      { key: 'B', value: 'two words', line: 2, column: 3, endLine: 2, endColumn: 14 },
      { key: 'C', value: 'x', line: 3, column: 3, endLine: 3, endColumn: 6 },
      { key: 'D', value: 'bare', line: 4, column: 3, endLine: 4, endColumn: 7 },
      { key: 'E', value: 'a\nb', line: 7, column: 3, endLine: 7, endColumn: 9 },
    ]);
  });

  it('reads a multi-line PEM value (issue 11.7) and reports it as a private key', () => {
    const pem = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAx9vQ2mL7kP4rT8wq8Z3vN7xL2mK9pR4tG5yH8uJ2kL6mN9b',
      'q8Z3vN7xL2mK9pR4tG5yH8uJ2kL6mN9bMIIEowIBAAKCAQEAx9vQ2mL7kP4rT8w',
      '-----END RSA PRIVATE KEY-----',
    ];
    const text = ['PORT=3000', `SIGNING_KEY="${pem[0]}`, pem[1], pem[2], `${pem[3]}"`, 'NEXT=1'].join('\n');
    const entries = readEnvEntries(splitLines(text));
    expect(entries[1]).toMatchObject({ key: 'SIGNING_KEY', value: pem.join('\n'), line: 2, endLine: 5 });
    expect(entries[2]).toMatchObject({ key: 'NEXT', line: 6 });
    expect(env('.env.example', text)).toEqual(['2:13 no-hardcoded-secret settingKnownFormat']);
  });

  it('reports a tracked .env and its secrets; nothing when untracked', () => {
    const text = ['PORT=3000', `AWS_ACCESS_KEY_ID=${AWS}`, 'DB_PASSWORD=Zx9vQ2mL7kP4rT8w', 'JWT_SECRET=changeme'].join(
      '\n',
    );
    expect(env('.env', text)).toEqual([
      '2:19 no-hardcoded-secret settingKnownFormat',
      '3:13 no-hardcoded-secret settingSecretName',
      '1:1 no-tracked-env-file trackedEnvFile',
    ]);
    expect(env('.env', text, false)).toEqual([]);
  });

  it('accepts an example file with placeholders and reports a real secret in one', () => {
    expect(env('.env.example', ['JWT_SECRET=changeme', 'API_TOKEN=<your-token>', 'PORT=3000'].join('\n'))).toEqual([]);
    // A browser key under a prefix the build ships to every visitor is medium (strict only).
    expect(env('.env', ['REACT_APP_ANALYTICS_API_KEY=Zx9vQ2mL7kP4rT8w', 'PORT=3000'].join('\n'))).toEqual([]);
    expect(env('.env.example', `AWS_KEY=${AWS}`)).toEqual(['1:9 no-hardcoded-secret settingKnownFormat']);
  });
});

describe('JSON and YAML config', () => {
  const config = (text: string, jsonc = false) =>
    analyze('config', 'config.json', text, readConfigEntries(text, jsonc).entries);
  it('finds known formats under any key and secret-looking values under secret keys, with positions', () => {
    const json = `{\n  "aws": { "id": "${AWS}" },\n  "db": { "password": "Zx9vQ2mL7kP4rT8w", "host": "db.internal" },\n  "auth": { "token": "changeme" }\n}\n`;
    expect(config(json)).toEqual([
      '2:18 no-hardcoded-secret settingKnownFormat',
      '3:23 no-hardcoded-secret settingSecretName',
    ]);
  });

  it('reads YAML, sequences included', () => {
    const yaml = 'db:\n  password: Zx9vQ2mL7kP4rT8w\n  hosts:\n    - a\nkeys:\n  - AKIAIOSFODNN7EXAMPLQ\n';
    expect(config(yaml).map((f) => f.split(':')[0])).toEqual(['2', '6']);
  });

  it('returns a parse error instead of throwing', () => {
    const result = readConfigEntries('{"a": [1, }');
    expect(result.entries).toEqual([]);
    expect(result.error?.line).toBe(1);
  });

  it('blanks comments and trailing commas without moving offsets', () => {
    const text = '{\n  // the db\n  "password": "Zx9vQ2mL7kP4rT8w", /* inline */\n  "url": "http://x//y",\n}\n';
    const blanked = blankJsonComments(text);
    expect(blanked.length).toBe(text.length);
    expect(JSON.parse(blanked)).toEqual({ password: 'Zx9vQ2mL7kP4rT8w', url: 'http://x//y' });
    expect(readConfigEntries(text, true).error).toBeUndefined();
    expect(config(text, true)).toEqual(['3:15 no-hardcoded-secret settingSecretName']);
  });
});

describe('TOML, .npmrc and key files (issue 11.7)', () => {
  it('reads TOML strings under their keys, tables and arrays included', () => {
    const text = [
      'title = "app"',
      '[database]',
      'password = "Zx9vQ2mL7kP4rT8w"',
      '[[services]]',
      `aws = { id = "${AWS}" }`,
    ].join('\n');
    expect(analyze('toml', 'app.toml', text, readTomlEntries(text, splitLines(text)).entries)).toEqual([
      '3:12 no-hardcoded-secret settingSecretName',
      '5:14 no-hardcoded-secret settingKnownFormat',
    ]);
    expect(readTomlEntries('a = [', ['a = [']).error?.line).toBe(1);
  });

  it('reads .npmrc auth tokens; ${VAR} references are placeholders', () => {
    const token = `npm_${'a1B2c3D4e5'.repeat(3)}a1B2c3`;
    const text = [
      'registry=https://registry.npmjs.org/',
      `//registry.npmjs.org/:_authToken=${token}`,
      '//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}',
      '; comment',
    ].join('\n');
    const entries = readNpmrcEntries(splitLines(text));
    expect(entries.map((e) => e.key)).toEqual(['registry', '_authToken', '_authToken']);
    expect(analyze('npmrc', '.npmrc', text, entries)).toEqual(['2:34 no-hardcoded-secret settingKnownFormat']);
  });

  it('reports private key material in .pem/.key files, not certificates', () => {
    const key =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7x9vQ2mL7kP4r\nq8Z3vN7xL2mK9pR4tG5yH8uJ2kL6mN9bMIIEowIBAAKCAQEAx9vQ2mL7kP4rT8w\n-----END PRIVATE KEY-----\n';
    expect(analyze('private-key', 'certs/server.key', `# server key\n${key}`, [])).toEqual([
      '2:1 no-hardcoded-secret privateKeyFile',
    ]);
    // A development certificate's key for localhost: medium, so not in the default configuration.
    expect(analyze('private-key', 'apps/client/localhost.pem', key, [])).toEqual([]);
    expect(
      analyze('private-key', 'certs/ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', []),
    ).toEqual([]);
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
    expect(
      readPrismaFields(schema).map(
        (f) => `${f.line}:${f.column1} ${f.table}.${f.column} ${f.type} ${f.nativeType ?? '-'}`,
      ),
    ).toEqual([
      '3:3 users.id Int -',
      '4:3 users.pw String -',
      '5:3 users.apiKey Bytes ByteA',
      '6:3 users.tags String -',
    ]);
    // A schema declaration alone is a medium finding: it shows in strict.
    expect(analyze('prisma', 'schema.prisma', schema.join('\n'), [])).not.toContain(
      '4:3 no-plaintext-credential-column plaintextSchemaColumn',
    );
    const strict = { check: checksById.get('no-plaintext-credential-column')!, options: { minConfidence: 'medium' } };
    const found: string[] = [];
    const file: TextFile = {
      kind: 'prisma',
      path: 'schema.prisma',
      text: schema.join('\n'),
      lines: schema,
      entries: [],
      tracked: true,
    };
    runChecksOnTextFile(file, {}, [
      { ...strict, onReport: (r) => found.push(`${r.line}:${r.column} ${r.messageId} ${r.confidence}`) },
    ]);
    // `apiKey Bytes @db.ByteA` is low: a binary column mostly holds ciphertext.
    expect(found).toEqual(['4:3 plaintextSchemaColumn medium']);
  });
});
