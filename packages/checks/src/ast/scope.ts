import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';

/** A declaration an identifier refers to. */
export type Declaration =
  | ts.VariableDeclaration
  | ts.ParameterDeclaration
  | ts.BindingElement
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.ImportSpecifier
  | ts.ImportClause
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration
  | ts.EnumDeclaration;

/**
 * Finds what an identifier refers to. With a type checker it follows the symbol, through import
 * aliases into other modules; without one it looks the name up lexically in this file.
 */
export function resolveIdentifier(
  t: TypeScript,
  id: ts.Identifier,
  checker: ts.TypeChecker | undefined,
): Declaration | undefined {
  if (checker) {
    // Many checks resolve the same identifiers; a checker belongs to one immutable program, so its
    // answers are kept per checker (a new program, even over the same file, starts afresh).
    let resolved = resolvedByChecker.get(checker);
    if (!resolved) {
      resolved = new WeakMap();
      resolvedByChecker.set(checker, resolved);
    }
    const cached = resolved.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const decl = resolveWithChecker(t, id, checker);
    resolved.set(id, decl ?? null);
    return decl;
  }
  return lookupLexically(t, id);
}

const resolvedByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.Identifier, Declaration | null>>();

function resolveWithChecker(t: TypeScript, id: ts.Identifier, checker: ts.TypeChecker): Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(id);
  if (symbol && t.isShorthandPropertyAssignment(id.parent) && id.parent.name === id) {
    symbol = checker.getShorthandAssignmentValueSymbol(id.parent) ?? symbol;
  }
  if (symbol && symbol.flags & t.SymbolFlags.Alias) {
    try {
      const target = checker.getAliasedSymbol(symbol);
      // An import from a module that is not installed resolves to the checker's `unknown` symbol,
      // which has no declarations: keep the import itself, as the lexical lookup would.
      if (target.declarations?.length) symbol = target;
    } catch {
      // An unresolved import: keep the alias.
    }
  }
  const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (decl && isDeclaration(t, decl)) return decl;
  // The checker knows every lexical binding: no symbol (an undeclared global) or another kind of
  // declaration means there is nothing more to find lexically.
  return undefined;
}

function isDeclaration(t: TypeScript, node: ts.Node): node is Declaration {
  return (
    t.isVariableDeclaration(node) ||
    t.isParameter(node) ||
    t.isBindingElement(node) ||
    t.isFunctionDeclaration(node) ||
    t.isClassDeclaration(node) ||
    t.isImportSpecifier(node) ||
    t.isImportClause(node) ||
    t.isNamespaceImport(node) ||
    t.isImportEqualsDeclaration(node) ||
    t.isEnumDeclaration(node)
  );
}

function lookupLexically(t: TypeScript, id: ts.Identifier): Declaration | undefined {
  const known = resolvedLexically.get(id);
  if (known !== undefined) return known ?? undefined;
  const name = id.text;
  let found: Declaration | undefined;
  for (let scope = enclosingScope(t, id); scope; scope = enclosingScope(t, scope)) {
    found = scopeTable(t, scope)?.get(name);
    if (found) break;
  }
  resolvedLexically.set(id, found ?? null);
  return found;
}

// A lexical answer depends on the file's syntax alone, and checks ask about the same identifiers
// again and again: kept per identifier, one probe instead of one per enclosing scope.
const resolvedLexically = new WeakMap<ts.Identifier, Declaration | null>();

/** True when `name` is declared in a scope around `at`, in this file (no globals: that needs the checker). */
export function isDeclaredAround(t: TypeScript, at: ts.Node, name: string): boolean {
  for (let scope = enclosingScope(t, at); scope; scope = enclosingScope(t, scope))
    if (scopeTable(t, scope)?.has(name)) return true;
  return false;
}

// The nearest ancestor that declares names, kept per node: in code nested thousands deep (a generated
// `a ?? b ?? …` chain), climbing every level for every identifier would cost depth x identifiers.
const enclosingScopes = new WeakMap<ts.Node, ts.Node | null>();

function enclosingScope(t: TypeScript, node: ts.Node): ts.Node | undefined {
  const climbed: ts.Node[] = [];
  let at: ts.Node | undefined = node.parent;
  let found: ts.Node | null = null;
  while (at) {
    const known = enclosingScopes.get(at);
    if (scopeTable(t, at)) {
      found = at;
      break;
    }
    if (known !== undefined) {
      found = known;
      break;
    }
    climbed.push(at);
    at = at.parent;
  }
  enclosingScopes.set(node, found);
  for (const passed of climbed) enclosingScopes.set(passed, found);
  return found ?? undefined;
}

// Each scope's names are collected once, so a lookup costs one map probe per enclosing scope.
const scopeTables = new WeakMap<ts.Node, ReadonlyMap<string, Declaration> | null>();

function scopeTable(t: TypeScript, scope: ts.Node): ReadonlyMap<string, Declaration> | undefined {
  let table = scopeTables.get(scope);
  if (table === undefined) {
    table = collectDeclarations(t, scope);
    scopeTables.set(scope, table);
  }
  return table ?? undefined;
}

/** Declarations a scope node introduces directly (not in nested scopes); null for non-scopes. */
function collectDeclarations(t: TypeScript, scope: ts.Node): Map<string, Declaration> | null {
  const table = new Map<string, Declaration>();
  // The first declaration of a name wins, as `var` redeclarations refer to the first.
  const add = (name: string, decl: Declaration) => {
    if (!table.has(name)) table.set(name, decl);
  };
  if (
    t.isFunctionDeclaration(scope) ||
    t.isFunctionExpression(scope) ||
    t.isArrowFunction(scope) ||
    t.isMethodDeclaration(scope) ||
    t.isConstructorDeclaration(scope) ||
    t.isGetAccessorDeclaration(scope) ||
    t.isSetAccessorDeclaration(scope)
  ) {
    for (const p of scope.parameters) addBindings(t, p, p.name, add);
    return table;
  }
  if (t.isCatchClause(scope)) {
    if (scope.variableDeclaration) addBindings(t, scope.variableDeclaration, scope.variableDeclaration.name, add);
    return table;
  }
  if (t.isForStatement(scope) || t.isForOfStatement(scope) || t.isForInStatement(scope)) {
    if (scope.initializer && t.isVariableDeclarationList(scope.initializer)) {
      for (const d of scope.initializer.declarations) addBindings(t, d, d.name, add);
    }
    return table;
  }
  const statements =
    t.isSourceFile(scope) ||
    t.isBlock(scope) ||
    t.isModuleBlock(scope) ||
    t.isCaseClause(scope) ||
    t.isDefaultClause(scope)
      ? scope.statements
      : undefined;
  if (!statements) return null;
  for (const statement of statements) {
    if (t.isVariableStatement(statement)) {
      // `var` hoists, but let/const declared after the use still shadow: either way the name binds here.
      for (const d of statement.declarationList.declarations) addBindings(t, d, d.name, add);
    } else if (
      t.isFunctionDeclaration(statement) ||
      t.isClassDeclaration(statement) ||
      t.isEnumDeclaration(statement)
    ) {
      if (statement.name) add(statement.name.text, statement);
    } else if (t.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) add(clause.name.text, clause);
      const bindings = clause.namedBindings;
      if (bindings && t.isNamespaceImport(bindings)) add(bindings.name.text, bindings);
      if (bindings && t.isNamedImports(bindings)) for (const el of bindings.elements) add(el.name.text, el);
    } else if (t.isImportEqualsDeclaration(statement)) {
      add(statement.name.text, statement);
    }
  }
  return table;
}

function addBindings(
  t: TypeScript,
  owner: ts.VariableDeclaration | ts.ParameterDeclaration,
  binding: ts.BindingName,
  add: (name: string, decl: Declaration) => void,
): void {
  if (t.isIdentifier(binding)) {
    add(binding.text, owner);
    return;
  }
  for (const element of binding.elements) {
    if (t.isOmittedExpression(element)) continue;
    if (t.isIdentifier(element.name)) add(element.name.text, element);
    else addBindings(t, owner, element.name, add);
  }
}

/** The initializer of a `const` (or never-reassigned) variable, following `const a = b` chains. */
export function constInitializer(t: TypeScript, decl: Declaration | undefined): ts.Expression | undefined {
  if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const list = decl.parent;
  if (!t.isVariableDeclarationList(list) || !(list.flags & t.NodeFlags.Const)) return undefined;
  return decl.initializer;
}
