// Scanner speed and memory next to `tsc --noEmit` on the same project, measured in the same run.
// 1. A generated TypeScript project of 200,000+ lines (modules with imports, classes, functions,
//    logging and env reads), written to a temp dir and removed afterwards.
// 2. A real repository, when SECRET_HYGIENE_BENCH_REPO points at a checkout (skipped otherwise).
// Each tool runs as a child process; wall time and peak RSS come from `/usr/bin/time -v` when
// present, else from a small wrapper reading `process.resourceUsage().maxRSS` of the child.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repo, 'packages/cli/bin/secret-hygiene.js');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const TARGET_LINES = 200_000;

/** Writes the generated project; returns its line count. */
export function generateProject(dir, targetLines = TARGET_LINES) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: true }, include: ['src'] }, null, 2));
  const support = [
    'export interface Logger { info(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void; debug(...args: unknown[]): void }',
    'export const logger: Logger = { info() {}, warn() {}, error() {}, debug() {} };',
    'declare global { const process: { env: Record<string, string | undefined> } }',
    'export function requireEnv(name: string): string { const v = process.env[name]; if (!v) throw new Error(`${name} is required`); return v; }',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'src/support.ts'), support);
  let lines = support.split('\n').length;
  let i = 0;
  while (lines < targetLines) {
    const text = moduleText(i);
    writeFileSync(join(dir, 'src', `module${i}.ts`), text);
    lines += text.split('\n').length;
    i++;
  }
  return lines;
}

function moduleText(i) {
  const imports = [i > 0 ? `import { Service${i - 1}, helper${i - 1} } from './module${i - 1}.js';` : '', i > 7 ? `import { Service${i - 7} } from './module${i - 7}.js';` : '']
    .filter(Boolean)
    .join('\n');
  const methods = Array.from({ length: 12 }, (_, m) => [
    `  async handle${m}(input: Record${i}, retries = ${m}): Promise<Result${i}> {`,
    `    const started = Date.now();`,
    `    const items = input.items.filter((item) => item.weight > ${m}).map((item) => ({ ...item, weight: item.weight * 2 }));`,
    `    if (items.length === 0) {`,
    `      logger.warn('no items for', input.id, { retries });`,
    `      return { id: input.id, total: 0, tookMs: Date.now() - started };`,
    `    }`,
    `    const total = items.reduce((sum, item) => sum + helper${i}(item.weight, ${m}), 0);`,
    `    logger.info('handled', { id: input.id, total, user: input.user });`,
    `    return { id: input.id, total, tookMs: Date.now() - started };`,
    `  }`,
    '',
  ].join('\n')).join('\n');
  return `import { logger, requireEnv } from './support.js';
${imports}

export interface Item${i} { readonly name: string; readonly weight: number }
export interface Record${i} { readonly id: string; readonly user: string; readonly items: readonly Item${i}[] }
export interface Result${i} { readonly id: string; readonly total: number; readonly tookMs: number }

const region${i} = process.env.REGION_${i % 13} ?? 'eu-west-1';
const apiKey${i} = requireEnv('SERVICE_${i % 17}_API_KEY');

export function helper${i}(value: number, factor: number): number {
  let result = value;
  for (let k = 0; k < factor; k++) result = (result * 31 + k) % 1_000_003;
  return result;
}

export class Service${i} {
  private readonly cache = new Map<string, Result${i}>();
  constructor(private readonly name = 'service-${i}') {}

  describe(): string {
    return \`\${this.name} in \${region${i}} (\${apiKey${i}.length} char key)\`;
  }

${methods}
  cached(id: string): Result${i} | undefined {
    return this.cache.get(id);
  }
}
${i > 0 ? `\nexport const chained${i} = new Service${i - 1}().describe() + helper${i - 1}(${i}, 2);\n` : ''}`;
}

/** Runs a command; returns wall seconds and peak RSS in MiB. */
function measure(args, cwd) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = process.hrtime.bigint();
  if (timeBin) {
    const child = spawnSync(timeBin, ['-v', process.execPath, '--max-old-space-size=8192', ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
    return { seconds, rssMiB: rss, status: child.status };
  }
  const wrapper = `const { spawnSync } = require('node:child_process'); const r = spawnSync(process.execPath, ${JSON.stringify(args)}, { cwd: ${JSON.stringify(cwd)}, stdio: 'ignore' }); process.stdout.write(JSON.stringify({ status: r.status, maxRSS: process.resourceUsage().maxRSS }));`;
  const child = spawnSync(process.execPath, ['-e', wrapper], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const parsed = JSON.parse(child.stdout);
  return { seconds, rssMiB: parsed.maxRSS / 1024, status: parsed.status };
}

function compare(label, dir, tsconfigArgs) {
  const scan = measure([cli, 'scan', dir, '--root', dir, '--format', 'json', '--fail-on', 'none', '--no-progress', '--output', join(tmpdir(), `sh-bench-${process.pid}.json`)], dir);
  const tscRun = measure([tsc, '--noEmit', ...tsconfigArgs], dir);
  return [
    { name: `scan ${label}: time`, value: scan.seconds, unit: 's', baseline: { name: 'tsc --noEmit', value: tscRun.seconds }, ratio: scan.seconds / tscRun.seconds, goal: '<= 1.5x' },
    { name: `scan ${label}: peak memory`, value: scan.rssMiB, unit: 'MiB', baseline: { name: 'tsc --noEmit', value: tscRun.rssMiB }, ratio: scan.rssMiB / tscRun.rssMiB, goal: '<= 2x' },
  ];
}

export async function run() {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'sh-bench-project-'));
  try {
    const lines = generateProject(dir);
    rows.push(...compare(`generated ${Math.round(lines / 1000)}k lines`, dir, ['-p', 'tsconfig.json']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const external = process.env.SECRET_HYGIENE_BENCH_REPO;
  if (external && existsSync(external)) {
    const hasTsconfig = existsSync(join(external, 'tsconfig.json'));
    rows.push(...compare(basename(external), external, hasTsconfig ? ['-p', 'tsconfig.json'] : ['--allowJs', '--skipLibCheck']));
  } else {
    process.stderr.write('bench: SECRET_HYGIENE_BENCH_REPO not set: the real-repository row is skipped\n');
  }
  return rows;
}
