import type * as ts from 'typescript';
import { isDeclaredAround } from '../ast/scope.js';
import type { TextEdit, TypeScript } from '../check.js';

/** What a suggestion needs from its check's context to place an import. */
export interface ImportContext {
  readonly ts: TypeScript;
  readonly sourceFile: ts.SourceFile;
  readonly program: ts.Program | undefined;
  readonly checker: ts.TypeChecker | undefined;
}

/**
 * The edits that make a helper a suggestion calls (`requireEnv('X')`, `redact(token)`) resolve at
 * `at`: none when it is in scope already (declared, imported, or a global the checker knows); an
 * import from the project's module that exports it, found with type information, the nearest one
 * when several do (inserted after the last import, or added to an import of that module, as
 * typescript-eslint's fixers add imports); undefined when neither, and the suggestion is not offered:
 * a call to a name that does not exist would not compile.
 */
export function helperImportEdits(context: ImportContext, at: ts.Node, helper: string): TextEdit[] | undefined {
  const t = context.ts;
  const root = helper.split('.')[0]!;
  const { checker, program, sourceFile } = context;
  if (checker ? inScope(t, checker, at, root) : isDeclaredAround(t, at, root)) return [];
  if (!checker || !program || root !== helper || isCommonJs(t, sourceFile)) return undefined;
  const target = nearest(sourceFile.fileName, exportersOf(t, program, checker).get(helper) ?? []);
  if (target === undefined) return undefined;
  return [importEdit(t, sourceFile, helper, specifierFor(t, program, sourceFile, target))];
}

function inScope(t: TypeScript, checker: ts.TypeChecker, at: ts.Node, name: string): boolean {
  const meaning = t.SymbolFlags.Value | t.SymbolFlags.Alias;
  if (typeof checker.resolveName === 'function') return checker.resolveName(name, at, meaning, false) !== undefined;
  return checker.getSymbolsInScope(at, meaning).some((s) => s.name === name);
}

/** A CommonJS file, where an `import` declaration would not run. */
function isCommonJs(t: TypeScript, file: ts.SourceFile): boolean {
  if (/\.c[jt]s$/i.test(file.fileName)) return true;
  const esm = file.statements.some((s) => t.isImportDeclaration(s) || t.isExportDeclaration(s));
  return !esm && /\brequire\s*\(|\bmodule\.exports\b/.test(file.text);
}

// The project's value exports by name, collected once per program (only when a suggestion needs one).
const exportsByProgram = new WeakMap<ts.Program, Map<string, string[]>>();

function exportersOf(t: TypeScript, program: ts.Program, checker: ts.TypeChecker): Map<string, string[]> {
  let byName = exportsByProgram.get(program);
  if (byName) return byName;
  byName = new Map();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    if (/[\\/]node_modules[\\/]/.test(file.fileName)) continue;
    const module = checker.getSymbolAtLocation(file);
    if (!module) continue;
    for (const symbol of checker.getExportsOfModule(module)) {
      if (!(symbol.flags & (t.SymbolFlags.Value | t.SymbolFlags.Alias))) continue;
      byName.set(symbol.name, [...(byName.get(symbol.name) ?? []), file.fileName]);
    }
  }
  exportsByProgram.set(program, byName);
  return byName;
}

/** The file closest to `from` (fewest `..`, then the shortest path, then by name); never `from` itself. */
function nearest(from: string, files: readonly string[]): string | undefined {
  const rank = (file: string) => {
    const rel = relativePath(directoryOf(from), file);
    return { file, up: rel.split('/').filter((s) => s === '..').length, length: rel.length };
  };
  return files
    .filter((f) => f !== from)
    .map(rank)
    .sort((a, b) => a.up - b.up || a.length - b.length || a.file.localeCompare(b.file))[0]?.file;
}

/** A relative specifier in the file's own style: with `.js` (or `.ts`) extensions when its imports have them, or when Node16/NodeNext needs them. */
function specifierFor(t: TypeScript, program: ts.Program, from: ts.SourceFile, target: string): string {
  let rel = relativePath(directoryOf(from.fileName), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const stem = rel.replace(/\.[mc]?[jt]sx?$/i, '');
  const relativeImports = from.statements
    .filter(t.isImportDeclaration)
    .map((s) => (t.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : ''))
    .filter((s) => s.startsWith('.'));
  const extension = /\.[mc]?[jt]sx?$/i.exec(target)?.[0] ?? '';
  const jsExtension = extension.replace(/ts/i, 'js').replace(/x$/i, '');
  if (relativeImports.length > 0) {
    if (relativeImports.some((s) => /\.[mc]?tsx?$/i.test(s))) return `${stem}${extension}`;
    return relativeImports.some((s) => /\.[mc]?jsx?$/i.test(s)) ? `${stem}${jsExtension}` : stem;
  }
  const resolution = program.getCompilerOptions().moduleResolution;
  const node16 = resolution === t.ModuleResolutionKind.Node16 || resolution === t.ModuleResolutionKind.NodeNext;
  return node16 ? `${stem}${jsExtension}` : stem;
}

/** `import { helper } from 'specifier';`, or `helper` added to an import of that module; after any directive prologue. */
function importEdit(t: TypeScript, file: ts.SourceFile, helper: string, specifier: string): TextEdit {
  const imports = file.statements.filter(t.isImportDeclaration);
  const same = imports.find(
    (s) =>
      t.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === specifier &&
      !s.importClause?.isTypeOnly &&
      s.importClause?.namedBindings !== undefined &&
      t.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.length > 0,
  );
  if (same) {
    const elements = (same.importClause!.namedBindings as ts.NamedImports).elements;
    const end = elements[elements.length - 1]!.getEnd();
    return { start: end, end, text: `, ${helper}` };
  }
  const last = imports[imports.length - 1];
  if (last) {
    const quote = file.text[last.moduleSpecifier.getStart(file)] === '"' ? '"' : "'";
    const semicolon = file.text[last.getEnd() - 1] === ';' ? ';' : '';
    return {
      start: last.getEnd(),
      end: last.getEnd(),
      text: `\nimport { ${helper} } from ${quote}${specifier}${quote}${semicolon}`,
    };
  }
  const directives = file.statements.filter((s, i) =>
    file.statements.slice(0, i + 1).every((p) => t.isExpressionStatement(p) && t.isStringLiteral(p.expression)),
  );
  const text = `import { ${helper} } from '${specifier}';`;
  const after = directives[directives.length - 1];
  if (after) return { start: after.getEnd(), end: after.getEnd(), text: `\n${text}` };
  const first = file.statements[0];
  const start = first ? first.getStart(file) : file.text.length;
  return { start, end: start, text: `${text}\n` };
}

// TypeScript names files with `/` on every platform; the checks use no Node built-ins (they run in any host).
const directoryOf = (file: string): string => file.slice(0, file.lastIndexOf('/'));

/** The path from directory `from` to `to`, both absolute with `/`. */
function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/');
}
