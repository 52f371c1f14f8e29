// The fuzzing harness: generated programs (nesting of expressions, blocks, JSX and types up to
// 10,000 levels, very long lines, huge files) and token mutations of the labelled corpus
// (test/corpus), run through the checks API, the scanner and the ESLint plugin, with the two hosts
// compared. A problem is: a host that throws, a file a host skipped without saying so, or the two
// hosts reporting different findings on a file both finished.
//
//   npm run build && node scripts/fuzz.mjs      # two minutes: --budget 120 (seconds)
//   node scripts/fuzz.mjs --budget 600 --seed 7 # longer, another seed (--mutations, --max-depth)
//
// It runs the built packages (dist); under vitest the packages' sources.
// `npm test` runs a small fixed-seed round of it (test/fuzz.test.ts). Exit code 1 when it found a
// problem. It never prints source text: programs are named by generator, seed and size.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allChecks, presetOptions, runChecksOnFile } from '@secret-hygiene/checks';
import { scan } from '@secret-hygiene/scanner';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-secret-hygiene';
import ts from 'typescript';

const repo = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = join(repo, 'test/corpus');

/** A small seeded generator (mulberry32): the same seed gives the same programs. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const HEADER =
  'declare const logger: { info(...args: unknown[]): void };\ndeclare function f(...args: unknown[]): unknown;\nconst password = process.env.DB_PASSWORD;\n';

/**
 * Programs nested `depth` levels deep, a secret logged from the innermost level. Each kind is a
 * shape real generated code takes; TypeScript's own parser gives up on some of them long before
 * 10,000 levels, and a host must then say it skipped the file.
 */
export const DEEP_KINDS = {
  concat: (d) => `logger.info(${Array.from({ length: d }, (_, i) => `'p${i}'`).join(' +\n')} + password);\n`,
  nullish: (d) => `declare const v: string | undefined;\nlogger.info(${'v ??\n'.repeat(d)} password);\n`,
  ternary: (d) => `logger.info(${'Math.random() > 0.5 ? "a" :\n'.repeat(d)} password);\n`,
  parens: (d) => `logger.info(${'('.repeat(d)}password${')'.repeat(d)});\n`,
  calls: (d) => `logger.info(${'String('.repeat(d)}password${')'.repeat(d)});\n`,
  arrays: (d) => `logger.info(${'['.repeat(d)}password${']'.repeat(d)});\n`,
  objects: (d) => `logger.info(${'{ a: '.repeat(d)}password${' }'.repeat(d)});\n`,
  arrows: (d) => `const g = ${'() =>\n'.repeat(d)} password;\nlogger.info(g);\n`,
  templates: (d) => `logger.info(${'`a${'.repeat(d)}password${'}`'.repeat(d)});\n`,
  blocks: (d) => `${'{\n'.repeat(d)}logger.info(password);\n${'}\n'.repeat(d)}`,
  ifs: (d) => `${'if (password) {\n'.repeat(d)}logger.info(password);\n${'}\n'.repeat(d)}`,
  functions: (d) => `${'function g() {\n'.repeat(d)}logger.info(password);\n${'}\n'.repeat(d)}`,
  jsx: (d) => `export const view = ${'<div>\n'.repeat(d)}{password}${'</div>\n'.repeat(d)};\nlogger.info(password);\n`,
  types: (d) =>
    `type Deep = ${'Array<'.repeat(d)}string${'>'.repeat(d)};\nexport const x: Deep | undefined = undefined;\nlogger.info(password);\n`,
  unions: (d) =>
    `type U = ${Array.from({ length: d }, (_, i) => `'u${i}'`).join(' |\n')};\nexport const u: U = 'u0';\nlogger.info(password, u);\n`,
  members: (d) => `logger.info(password${'.trim()'.repeat(d)});\n`,
};

/** One file of a deep kind. */
export function deepProgram(kind, depth) {
  return { name: `deep-${kind}-${depth}.${kind === 'jsx' ? 'tsx' : 'ts'}`, text: HEADER + DEEP_KINDS[kind](depth) };
}

/** Statements that make findings, for long lines and huge files. */
const STATEMENTS = [
  (i) => `logger.info("login", password, ${i});`,
  (i) => `const apiKey${i} = "sk_live_${'a1B2c3D4e5F6g7H8'.slice(0, 10 + (i % 6))}Zq9Xw${i}";`,
  (i) => `export const cfg${i} = { timeout: ${i}, retries: 3, name: "service-${i}" };`,
  (i) => `export function add${i}(a: number, b: number) { return a + b * ${i}; }`,
];

/** One line of about `bytes` characters (a bundle), or the same statements one per line (a huge file). */
export function longProgram(bytes, oneLine) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = STATEMENTS[i % STATEMENTS.length](i);
    parts.push(s);
    size += s.length + 1;
  }
  return {
    name: `${oneLine ? 'long-line' : 'huge'}-${bytes}.ts`,
    text: HEADER + parts.join(oneLine ? ' ' : '\n') + '\n',
  };
}

function corpusFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.[cm]?[jt]sx?$/.test(name)) out.push(path);
    }
  };
  walk(CORPUS);
  return out;
}

const MUTATION_TOKENS = [
  'password',
  'token',
  'secret',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  '.',
  '...',
  '=>',
  '??',
  '+',
  '`',
  "'",
  '"',
  'await',
  'new',
  'return',
  '<div>',
  '</div>',
  '/*',
  '*/',
  '//',
];

/** A corpus file with a few tokens deleted, duplicated, swapped or replaced. */
export function mutateCorpusFile(path, rand) {
  const text = readFileSync(path, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const tokens = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan())
    tokens.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
  const edits = [];
  const count = 1 + rand.int(4);
  for (let n = 0; n < count && tokens.length > 1; n++) {
    const i = rand.int(tokens.length);
    const [start, end] = tokens[i];
    const op = rand.int(4);
    if (op === 0) edits.push([start, end, '']);
    else if (op === 1) edits.push([start, end, text.slice(start, end) + ' ' + text.slice(start, end)]);
    else if (op === 2 && i + 1 < tokens.length)
      edits.push([start, tokens[i + 1][1], text.slice(...tokens[i + 1]) + ' ' + text.slice(start, end)]);
    else edits.push([start, end, rand.pick(MUTATION_TOKENS)]);
  }
  // Apply from the end, skipping overlaps.
  edits.sort((a, b) => b[0] - a[0]);
  let out = text;
  let limit = Infinity;
  for (const [start, end, replacement] of edits) {
    if (end > limit) continue;
    out = out.slice(0, start) + replacement + out.slice(end);
    limit = start;
  }
  const rel = relative(CORPUS, path).split('\\').join('/').replace(/\//g, '__');
  return { name: `mutated-${rand.int(1e9)}-${rel}`, text: out };
}

const CODE = /\.[cm]?[jt]sx?$/;
const key = (f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`;

/**
 * Runs one batch of files through the checks API, the scanner and the plugin (one project each).
 * Returns the problems found: host crashes, files skipped without a word, parity differences.
 */
export async function runHosts(files, { log = () => undefined } = {}) {
  const problems = [];
  const root = mkdtempSync(join(tmpdir(), 'sh-fuzz-'));
  try {
    // Deep programs each get a project of their own: in one shared project, a file TypeScript cannot
    // parse makes typescript-eslint fail on every file of it (seen while writing this harness).
    const tsconfig = (include) =>
      JSON.stringify({
        compilerOptions: { strict: true, jsx: 'react-jsx', allowJs: true, types: [], skipLibCheck: true },
        include,
      });
    writeFileSync(join(root, 'tsconfig.json'), tsconfig(['src']));
    for (const f of files) {
      const dir = join(root, 'src', f.name.startsWith('deep-') ? f.name.replace(/\.[^.]+$/, '') : 'shared');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'tsconfig.json'), tsconfig(['*']));
      writeFileSync(join(dir, f.name), f.text);
    }
    const fileOf = (path) => path.split('/').pop();

    // 1. The checks API, as the plugin runs it without type information.
    const hosted = allChecks.filter((c) => plugin.rules[c.id]);
    for (const f of files) {
      let sourceFile;
      try {
        sourceFile = ts.createSourceFile(
          f.name,
          f.text,
          ts.ScriptTarget.Latest,
          true,
          f.name.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
        );
      } catch {
        continue; // TypeScript's parser gave up (too deep): the hosts below must say so.
      }
      try {
        runChecksOnFile(
          { ts, sourceFile, root },
          hosted.map((check) => ({
            check,
            options: presetOptions(check, 'recommended'),
            onReport: () => undefined,
            onCrash: () => undefined,
          })),
        );
      } catch (error) {
        problems.push({ kind: 'api-threw', file: f.name, message: oneLine(error) });
      }
    }

    // 2. The scanner.
    const byScanner = new Map();
    const scannerSkipped = new Map();
    let skippedCounted = 0;
    try {
      const result = await scan({ root, paths: [join(root, 'src')] });
      for (const finding of result.findings) {
        if (!CODE.test(finding.file) || !plugin.rules[finding.ruleId]) continue;
        const file = fileOf(finding.file);
        byScanner.set(file, [...(byScanner.get(file) ?? []), key(finding)]);
      }
      for (const d of result.diagnostics)
        if (d.file && d.kind !== 'syntax-error')
          scannerSkipped.set(fileOf(d.file), `${d.kind}${d.ruleId ? ` ${d.ruleId}` : ''}`);
      skippedCounted = Object.values(result.summary.skipped).reduce((a, b) => a + b, 0);
    } catch (error) {
      problems.push({ kind: 'scanner-threw', file: '(batch)', message: oneLine(error) });
      return problems;
    }

    // 3. The plugin, with type information, as the parity test runs it.
    const byEslint = new Map();
    const eslintSkipped = new Map();
    try {
      const eslint = new ESLint({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: [
          plugin.configs['recommended-type-checked'],
          {
            languageOptions: {
              parserOptions: { projectService: true, tsconfigRootDir: root, ecmaFeatures: { jsx: true } },
            },
          },
        ],
      });
      for (const r of await eslint.lintFiles(['src/**/*.{ts,tsx,js}'])) {
        const file = fileOf(r.filePath.split('\\').join('/'));
        for (const m of r.messages) {
          if (m.fatal) eslintSkipped.set(file, `fatal: ${m.message.slice(0, 80)}`);
          else if (m.ruleId?.startsWith('secret-hygiene/') && / skipped this file: /.test(m.message))
            eslintSkipped.set(file, `${m.ruleId} skipped`);
          else if (m.ruleId?.startsWith('secret-hygiene/')) {
            byEslint.set(file, [
              ...(byEslint.get(file) ?? []),
              key({
                line: m.line,
                column: m.column,
                ruleId: m.ruleId.slice('secret-hygiene/'.length),
                message: m.message,
              }),
            ]);
          }
        }
      }
    } catch (error) {
      problems.push({ kind: 'plugin-threw', file: '(batch)', message: oneLine(error) });
      return problems;
    }

    // Every file a host did not finish is one it said it skipped; the hosts agree on the others.
    let unaccounted = 0;
    for (const f of files) {
      const scannerFound = byScanner.get(f.name) ?? [];
      const eslintFound = byEslint.get(f.name) ?? [];
      const scannerSkip = scannerSkipped.get(f.name);
      const eslintSkip = eslintSkipped.get(f.name);
      if (scannerSkip || eslintSkip) {
        log(`skipped ${f.name}: scanner ${scannerSkip ?? '-'}, plugin ${eslintSkip ?? '-'}`);
        continue;
      }
      // Nothing from the scanner and no word: skipped at discovery (minified, too large: counted in
      // the summary), else dropped silently. The counts below tell which.
      if (scannerFound.length === 0 && eslintFound.length > 0) {
        unaccounted++;
        continue;
      }
      const a = [...scannerFound].sort().join('\n');
      const b = [...eslintFound].sort().join('\n');
      if (a !== b) {
        problems.push({
          kind: 'hosts-disagree',
          file: f.name,
          message: `scanner ${scannerFound.length} findings, plugin ${eslintFound.length}; only in scanner: ${scannerFound
            .filter((k) => !eslintFound.includes(k))
            .slice(0, 3)
            .join(' | ')}; only in plugin: ${eslintFound
            .filter((k) => !scannerFound.includes(k))
            .slice(0, 3)
            .join(' | ')}`,
        });
      }
    }
    if (unaccounted > skippedCounted)
      problems.push({
        kind: 'silently-skipped',
        file: '(batch)',
        message: `${unaccounted} files without scanner findings or a word, ${skippedCounted} counted as skipped`,
      });
    return problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function oneLine(error) {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0].slice(0, 200);
}

/**
 * Fuzzes until the budget (seconds) or the number of batches runs out. Each batch holds deep
 * programs (one per kind, at a depth drawn up to `maxDepth`), corpus mutations, and, every few
 * batches, a long line and a huge file.
 */
export async function fuzz({
  seed = 1,
  budgetSeconds = 120,
  batches = Infinity,
  kinds = Object.keys(DEEP_KINDS),
  maxDepth = 10_000,
  mutations = 8,
  longBytes = 1_000_000,
  log = () => undefined,
} = {}) {
  const rand = random(seed);
  const corpus = corpusFiles();
  const started = Date.now();
  const summary = { seed, batches: 0, programs: 0, problems: [] };
  const depths = [10, 100, 500, 1_000, 2_000, 3_000, 5_000, 10_000].filter((d) => d <= maxDepth);
  while (summary.batches < batches && (Date.now() - started) / 1000 < budgetSeconds) {
    const files = [];
    for (const kind of kinds) files.push(deepProgram(kind, rand.pick(depths)));
    for (let i = 0; i < mutations; i++) files.push(mutateCorpusFile(rand.pick(corpus), rand));
    if (longBytes > 0 && summary.batches % 3 === 0)
      files.push(longProgram(longBytes, true), longProgram(Math.min(longBytes, 900_000), false));
    const problems = await runHosts(files, { log });
    summary.batches++;
    summary.programs += files.length;
    for (const p of problems) summary.problems.push({ batch: summary.batches, ...p });
    log(
      `batch ${summary.batches}: ${files.length} programs, ${problems.length} problems (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  const summary = await fuzz({
    seed: option('seed', Date.now() % 100_000),
    budgetSeconds: option('budget', 120),
    mutations: option('mutations', 8),
    maxDepth: option('max-depth', 10_000),
    log: (line) => process.stderr.write(`fuzz: ${line}\n`),
  });
  console.log(
    `fuzz: seed ${summary.seed}, ${summary.batches} batches, ${summary.programs} programs, ${summary.problems.length} problems`,
  );
  for (const p of summary.problems) console.log(`  batch ${p.batch} ${p.kind} ${p.file}: ${p.message}`);
  process.exitCode = summary.problems.length > 0 ? 1 : 0;
}
