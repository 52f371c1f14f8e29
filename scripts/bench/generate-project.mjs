// Generates a realistic TypeScript project for benchmarks: services, repositories, controllers
// and utilities that import each other, log, read env vars, hash and encrypt. Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULE_KINDS = ['service', 'repository', 'controller', 'util'];

function moduleSource(index, kind, total) {
  const dep = (index * 7 + 3) % total;
  const lines = [
    `import { createHash, randomBytes, createCipheriv } from 'node:crypto';`,
    dep !== index ? `import { helper${dep} } from './m${dep}.js';` : `const helper${dep} = (v: string): string => v;`,
    ``,
    `const logger = { info: (...args: unknown[]): void => void args, error: (...args: unknown[]): void => void args };`,
    `const config${index} = { port: Number(process.env.PORT ?? 3000), region: process.env.REGION ?? 'eu-west-1' };`,
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
  lines.push(`}`, ``);
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
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], experimentalDecorators: true },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  return { files: total, lines };
}
