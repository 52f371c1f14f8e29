// Generates a realistic TypeScript project for benchmarks: services, repositories, controllers
// and utilities that import each other, log, read env vars, hash and encrypt. Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULE_KINDS = ['service', 'repository', 'controller', 'util'];

// Shared helpers every module imports: a logger factory (our rules follow `createLogger()` to know a
// logger) and a redaction helper (a sanitizer).
const SHARED_SOURCE = [
  `export interface Logger { info(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void }`,
  `export function createLogger(name: string): Logger {`,
  `  const write = (...args: unknown[]): void => void [name, ...args];`,
  `  return { info: write, warn: write, error: write };`,
  `}`,
  `export function redact(value: string): string {`,
  `  return value.length <= 4 ? '****' : \`\${value.slice(0, 2)}…\${value.slice(-2)}\`;`,
  `}`,
  `export interface PasswordPolicy { minLength: number; requireDigits: boolean }`,
  ``,
].join('\n');

function moduleSource(index, kind, total) {
  // Another module to import from (never the module itself).
  const dep = (index * 7 + 3) % total === index ? (index + 1) % total : (index * 7 + 3) % total;
  const lines = [
    `import { createHash, randomBytes, createCipheriv, scryptSync, timingSafeEqual } from 'node:crypto';`,
    `import { createLogger, redact, type PasswordPolicy } from './shared.js';`,
    `import { helper${dep} } from './m${dep}.js';`,
    ``,
    `const logger = createLogger('m${index}');`,
    `const config${index} = { port: Number(process.env.PORT ?? 3000), region: process.env.REGION ?? 'eu-west-1' };`,
    `const apiKey${index} = process.env.API_KEY_${index};`,
    `const SCRYPT_OPTIONS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };`,
    `const passwordPolicy${index}: PasswordPolicy = { minLength: ${8 + (index % 5)}, requireDigits: ${index % 2 === 0} };`,
    ``,
    `export interface Record${index} { id: string; name: string; createdAt: Date; tokenCount: number; tags: string[] }`,
    ``,
    `export function helper${index}(value: string): string {`,
    `  const digest = createHash('sha256').update(value).digest('hex');`,
    `  return helper${dep}(digest.slice(0, 16));`,
    `}`,
    ``,
    `export class ${kind[0].toUpperCase()}${kind.slice(1)}${index} {`,
    `  private readonly items = new Map<string, Record${index}>();`,
    `  constructor(private readonly prefix: string = 'p${index}') {}`,
    ``,
  ];
  for (let m = 0; m < 12; m++) {
    lines.push(
      `  async method${m}(input: Record${index}, limit = ${m + 1}): Promise<Record${index}[]> {`,
      `    const key = \`\${this.prefix}:\${input.id}:${m}\`;`,
      `    const found = this.items.get(key);`,
      `    if (found && found.tokenCount > limit) {`,
      `      logger.info({ id: input.id, name: input.name, count: found.tokenCount }, 'cache hit ${m}');`,
      `      return [found];`,
      `    }`,
      `    const next: Record${index} = { ...input, tags: [...input.tags, helper${index}(key)], tokenCount: input.tokenCount + ${m} };`,
      `    this.items.set(key, next);`,
      `    if (next.tags.length > ${10 + m}) logger.error(\`too many tags for \${input.id}\`);`,
      `    const iv = randomBytes(12);`,
      `    const cipher = createCipheriv('aes-256-gcm', randomBytes(32), iv);`,
      `    void cipher.update(next.name, 'utf8');`,
      `    return Array.from(this.items.values()).filter((r) => r.createdAt <= new Date() && r.name !== config${index}.region);`,
      `  }`,
      ``,
    );
  }
  // Credential handling done right: secrets are hashed, compared in constant time, sent only where
  // they belong, and logged redacted or by count; secret-looking names that hold no secret.
  lines.push(
    `  login${index}(userId: string, password: string, storedHash: Buffer, salt: Buffer): boolean {`,
    `    const policy = passwordPolicy${index};`,
    `    if (password.length < policy.minLength) {`,
    `      logger.warn({ userId, passwordPolicy: policy, passwordLength: password.length }, 'password too short');`,
    `      return false;`,
    `    }`,
    `    const derived = scryptSync(password, salt, storedHash.length, SCRYPT_OPTIONS);`,
    `    const ok = derived.length === storedHash.length && timingSafeEqual(derived, storedHash);`,
    `    logger.info({ userId, ok, tokenCount: this.items.size }, 'login attempt');`,
    `    return ok;`,
    `  }`,
    ``,
    `  issueToken${index}(userId: string): { tokenHash: string; expiresAt: Date } {`,
    `    const sessionToken = randomBytes(32).toString('base64url');`,
    `    const tokenHash = createHash('sha256').update(sessionToken).digest('hex');`,
    `    logger.info(\`issued token \${redact(sessionToken)} for \${userId}\`, { tokenHash });`,
    `    return { tokenHash, expiresAt: new Date(Date.now() + 3_600_000) };`,
    `  }`,
    ``,
    `  async callUpstream${index}(path: string): Promise<number> {`,
    `    if (!apiKey${index}) throw new Error(\`API_KEY_${index} is not set (needed for \${path})\`);`,
    `    const response = await fetch(\`https://api.example.com\${path}\`, { headers: { authorization: \`Bearer \${apiKey${index}}\` } });`,
    `    logger.info({ path, status: response.status, keyHint: redact(apiKey${index}) }, 'upstream call');`,
    `    return response.status;`,
    `  }`,
    `}`,
    ``,
  );
  return lines.join('\n');
}

/**
 * Writes at least `lines` lines of TypeScript into `dir` (src/ + tsconfig.json).
 * @returns the number of files and lines written.
 */
export function generateProject(dir, { lines: wanted }) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const sample = moduleSource(0, 'service', 2).split('\n').length;
  const total = Math.max(2, Math.ceil(wanted / sample));
  let lines = 0;
  for (let i = 0; i < total; i++) {
    const source = moduleSource(i, MODULE_KINDS[i % MODULE_KINDS.length], total);
    lines += source.split('\n').length;
    writeFileSync(join(dir, 'src', `m${i}.ts`), source);
  }
  writeFileSync(join(dir, 'src', 'shared.ts'), SHARED_SOURCE);
  lines += SHARED_SOURCE.split('\n').length;
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          experimentalDecorators: true,
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  return { files: total + 1, lines };
}
