// Demo stage: the knowledge every check shares, on the fixture apps. Which identifiers name a secret,
// a protected form of one, or only metadata about one, and why; and which string literals carry a
// known credential format (shown redacted, as everything we print).
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ts from 'typescript';
import pc from 'picocolors';
import { classifyName, findSecretLiterals, redact } from '../../packages/checks/dist/index.js';

export const title = 'the shared knowledge: secret names and secret literals in fixtures/';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'fixtures');
const ROWS_PER_VERDICT = 10;

async function tsFiles(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...(await tsFiles(full)));
    else if (e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The names a check would look at: declarations, property keys, and property access paths. */
function namesIn(sourceFile) {
  const names = [];
  const visit = (node) => {
    const declared =
      ts.isVariableDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isPropertyAssignment(node) ||
      ts.isPropertySignature(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isBindingElement(node) ||
      ts.isShorthandPropertyAssignment(node)
        ? node.name
        : undefined;
    if (declared && (ts.isIdentifier(declared) || ts.isStringLiteral(declared))) names.push([declared.text, declared]);
    const isCallee = node.parent !== undefined && ts.isCallExpression(node.parent) && node.parent.expression === node;
    if (ts.isPropertyAccessExpression(node) && !ts.isPropertyAccessExpression(node.parent) && !isCallee) {
      const text = node.getText(sourceFile);
      if (text.length <= 48 && !/[()\s]/.test(text)) names.push([text, node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

function stringsIn(sourceFile) {
  const strings = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push([node.text, node]);
    else if (ts.isTemplateExpression(node)) {
      strings.push([node.head.text, node.head]);
      for (const span of node.templateSpans) strings.push([span.literal.text, span.literal]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return strings;
}

const colour = { secret: pc.red, protected: pc.green, metadata: pc.yellow };

/** Prints the tables; true unless something went wrong. */
export async function run() {
  const files = await tsFiles(fixtures);
  if (files.length === 0) {
    process.stdout.write(pc.dim('no .ts files under fixtures/ yet\n'));
    return true;
  }
  const byName = new Map();
  const literals = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node) =>
      `${path.relative(root, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
    for (const [name, node] of namesIn(sourceFile)) {
      const c = classifyName(name);
      if (c.verdict === 'none') continue;
      const seen = byName.get(name);
      if (seen) seen.count++;
      else byName.set(name, { name, c, where: where(node), count: 1 });
    }
    for (const [value, node] of stringsIn(sourceFile)) {
      for (const f of findSecretLiterals(value))
        literals.push({ where: where(node), f, preview: redact(value.slice(f.start, f.end)) });
    }
  }

  const pad = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
  process.stdout.write(pc.dim(`${files.length} files; ${byName.size} distinct names about secrets\n`));
  for (const verdict of ['secret', 'protected', 'metadata']) {
    const rows = [...byName.values()]
      .filter((r) => r.c.verdict === verdict)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (rows.length === 0) continue;
    process.stdout.write(`\n${colour[verdict](pc.bold(`${verdict} (${rows.length})`))}\n`);
    for (const r of rows.slice(0, ROWS_PER_VERDICT)) {
      process.stdout.write(
        `  ${pad(r.name, 30)} ${pad(r.c.kind ?? '', 17)} ${pad(r.c.reason, 62)} ${pc.dim(r.where)}${r.count > 1 ? pc.dim(` +${r.count - 1}`) : ''}\n`,
      );
    }
    if (rows.length > ROWS_PER_VERDICT)
      process.stdout.write(pc.dim(`  … and ${rows.length - ROWS_PER_VERDICT} more\n`));
  }
  process.stdout.write(`\n${pc.bold(`secret literals (${literals.length})`)}\n`);
  if (literals.length === 0) process.stdout.write(pc.dim('  none\n'));
  for (const { where, f, preview } of literals.slice(0, 20)) {
    process.stdout.write(`  ${pad(f.detectorId, 30)} ${pad(preview, 14)} ${pc.dim(where)}\n`);
  }
  if (literals.length > 20) process.stdout.write(pc.dim(`  … and ${literals.length - 20} more\n`));
  return true;
}
