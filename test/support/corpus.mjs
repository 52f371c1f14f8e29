// Measures the ESLint plugin on the labelled corpus (test/corpus/): lints it, matches findings to the
// `// expect: <rule-id>` labels by file, line and rule, and scores each rule. Shared by
// scripts/corpus-report.mjs (built plugin) and test/corpus.test.ts (plugin sources).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

/** Absolute path of the labelled corpus. */
export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

const CODE = /\.[cm]?[jt]sx?$/;
// The fixture apps' label syntax (fixtures/README.md): `-- expect:` also labels SQL in templates.
// `expect-strict:` labels a finding the rule reports below high confidence: strict shows it,
// recommended need not (and is not blamed when it does).
// A line may carry several labels: `// expect: no-weak-crypto // expect-strict: no-timing-unsafe-compare`.
const LABEL =
  /(?:\/\/|#|--)\s*expect(-typed)?(-strict)?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)(?=\s*(?:(?:\/\/|#|--)\s*expect|$))/g;
const PREFIX = 'secret-hygiene/';

/** Every code file below `dir`, as absolute paths, sorted. */
function listCodeFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listCodeFiles(path));
    else if (CODE.test(name)) out.push(path);
  }
  return out;
}

const toPosix = (path) => relative(CORPUS_DIR, path).split(sep).join('/');

/**
 * The labels planted in the corpus: `{ file, line, ruleId, typed, strict }`, file relative to the corpus.
 * `typed` labels (`expect-typed:`) are only expected when linting with type information; `strict`
 * labels (`expect-strict:`, `expect-typed-strict:`) only in the strict config.
 */
export function readCorpusLabels() {
  const labels = [];
  for (const path of listCodeFiles(CORPUS_DIR)) {
    const file = toPosix(path);
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .forEach((text, index) => {
        for (const match of text.matchAll(LABEL)) {
          for (const ruleId of match[3].split(',')) {
            labels.push({
              file,
              line: index + 1,
              ruleId: ruleId.trim(),
              typed: match[1] !== undefined,
              strict: match[2] !== undefined,
            });
          }
        }
      });
  }
  return labels;
}

/**
 * Lints the corpus with one of the plugin's configs. Returns the plugin's findings
 * (`{ file, line, ruleId }`) and fatal parse errors (`file:line message`), which make a run invalid.
 */
export async function lintCorpus(plugin, configName) {
  const eslint = new ESLint({
    cwd: CORPUS_DIR,
    overrideConfigFile: true,
    overrideConfig: [
      plugin.configs[configName],
      // Type information is the user's to turn on (shared configs own no parser options).
      ...(configName === 'recommended'
        ? []
        : [{ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: CORPUS_DIR } } }]),
    ],
    errorOnUnmatchedPattern: false,
  });
  // The corpus stands for a project root: without type information the checks resolve test-file
  // globs (`**/test/**`) against the working directory, as when a user runs ESLint in the project.
  const previous = process.cwd();
  process.chdir(CORPUS_DIR);
  let results;
  try {
    results = await eslint.lintFiles(['.']);
  } finally {
    process.chdir(previous);
  }
  const findings = [];
  const fatal = [];
  for (const result of results) {
    const file = toPosix(result.filePath);
    for (const message of result.messages) {
      if (message.fatal || message.ruleId === null) fatal.push(`${file}:${message.line} ${message.message}`);
      else if (message.ruleId.startsWith(PREFIX))
        findings.push({ file, line: message.line, ruleId: message.ruleId.slice(PREFIX.length) });
    }
  }
  return { findings, fatal };
}

const key = (f) => `${f.file}:${f.line}`;

/**
 * Scores findings against labels per rule. A label is found when the rule reports on its file and
 * line (several findings on one line count once). Returns `{ [ruleId]: { tp, fp, fn, precision,
 * recall, falsePositives, falseNegatives } }` with `file:line` lists, for every rule in `ruleIds`.
 * Precision and recall are 1 when there is nothing to measure (no findings, no labels).
 */
export function scoreCorpus(labels, findings, ruleIds) {
  const scores = {};
  for (const ruleId of ruleIds) {
    const expected = new Set(labels.filter((l) => l.ruleId === ruleId).map(key));
    const actual = new Set(findings.filter((f) => f.ruleId === ruleId).map(key));
    const tp = [...expected].filter((k) => actual.has(k)).length;
    const falsePositives = [...actual].filter((k) => !expected.has(k)).sort(byFileLine);
    const falseNegatives = [...expected].filter((k) => !actual.has(k)).sort(byFileLine);
    const fp = falsePositives.length;
    const fn = falseNegatives.length;
    scores[ruleId] = {
      tp,
      fp,
      fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      falsePositives,
      falseNegatives,
    };
  }
  return scores;
}

function byFileLine(a, b) {
  const [fa, la] = a.split(':');
  const [fb, lb] = b.split(':');
  return fa.localeCompare(fb) || Number(la) - Number(lb);
}

/**
 * Lints and scores the corpus with `configName` (`recommended`, `recommended-type-checked` or `strict`).
 * Syntax-only configs are not expected to find `expect-typed` labels; rules the config does not
 * enable are left out.
 */
export async function measureCorpus(plugin, configName) {
  const typed = configName !== 'recommended';
  const strict = configName === 'strict';
  const all = readCorpusLabels().filter((l) => typed || !l.typed);
  const labels = all.filter((l) => strict || !l.strict);
  // Lines labelled for strict only: recommended may or may not report them.
  const strictOnly = new Set(all.filter((l) => l.strict && !strict).map((l) => `${l.ruleId} ${key(l)}`));
  const enabled = Object.keys(plugin.configs[configName].rules ?? {})
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => name.slice(PREFIX.length))
    .sort();
  const linted = await lintCorpus(plugin, configName);
  const fatal = linted.fatal;
  const findings = linted.findings.filter((f) => !strictOnly.has(`${f.ruleId} ${key(f)}`));
  const unknownLabels = [...new Set(labels.map((l) => l.ruleId))].filter((id) => !(id in plugin.rules));
  return { configName, scores: scoreCorpus(labels, findings, enabled), fatal, unknownLabels };
}

/** The scores as a Markdown table (rule, TP, FP, FN, precision, recall). */
export function formatTable(scores) {
  const pct = (n) => n.toFixed(2);
  const rows = Object.entries(scores).map(
    ([ruleId, s]) => `| \`${ruleId}\` | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`,
  );
  return ['| rule | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join(
    '\n',
  );
}
