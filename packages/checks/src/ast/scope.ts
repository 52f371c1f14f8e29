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
    let symbol = checker.getSymbolAtLocation(id);
    if (symbol && t.isShorthandPropertyAssignment(id.parent) && id.parent.name === id) {
      symbol = checker.getShorthandAssignmentValueSymbol(id.parent) ?? symbol;
    }
    if (symbol && symbol.flags & t.SymbolFlags.Alias) {
      try {
        symbol = checker.getAliasedSymbol(symbol);
      } catch {
        // An unresolved import: keep the alias.
      }
    }
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (decl && isDeclaration(t, decl)) return decl;
    if (decl) return undefined;
  }
  return lookupLexically(t, id);
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
  const name = id.text;
  let scope: ts.Node | undefined = id.parent;
  while (scope) {
    const found = declaredIn(t, scope, name, id);
    if (found) return found;
    scope = scope.parent;
  }
  return undefined;
}

/** Declarations a scope node introduces directly (not in nested scopes). */
function declaredIn(t: TypeScript, scope: ts.Node, name: string, use: ts.Identifier): Declaration | undefined {
  if (
    t.isFunctionDeclaration(scope) ||
    t.isFunctionExpression(scope) ||
    t.isArrowFunction(scope) ||
    t.isMethodDeclaration(scope) ||
    t.isConstructorDeclaration(scope) ||
    t.isGetAccessorDeclaration(scope) ||
    t.isSetAccessorDeclaration(scope)
  ) {
    for (const p of scope.parameters) {
      const hit = matchBinding(t, p, p.name, name);
      if (hit) return hit;
    }
    if (t.isFunctionExpression(scope) && scope.name?.text === name) return undefined;
    return undefined;
  }
  if (t.isCatchClause(scope) && scope.variableDeclaration) {
    return matchBinding(t, scope.variableDeclaration, scope.variableDeclaration.name, name);
  }
  if (
    (t.isForStatement(scope) || t.isForOfStatement(scope) || t.isForInStatement(scope)) &&
    scope.initializer &&
    t.isVariableDeclarationList(scope.initializer)
  ) {
    for (const d of scope.initializer.declarations) {
      const hit = matchBinding(t, d, d.name, name);
      if (hit) return hit;
    }
    return undefined;
  }
  const statements =
    t.isSourceFile(scope) || t.isBlock(scope) || t.isModuleBlock(scope)
      ? scope.statements
      : t.isCaseClause(scope) || t.isDefaultClause(scope)
        ? scope.statements
        : undefined;
  if (!statements) return undefined;
  for (const statement of statements) {
    if (t.isVariableStatement(statement)) {
      // `var` hoists, but let/const declared after the use still shadow: either way the name binds here.
      for (const d of statement.declarationList.declarations) {
        const hit = matchBinding(t, d, d.name, name);
        if (hit) return hit;
      }
    } else if ((t.isFunctionDeclaration(statement) || t.isClassDeclaration(statement) || t.isEnumDeclaration(statement)) && statement.name?.text === name) {
      return statement;
    } else if (t.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name?.text === name) return clause;
      const bindings = clause.namedBindings;
      if (bindings && t.isNamespaceImport(bindings) && bindings.name.text === name) return bindings;
      if (bindings && t.isNamedImports(bindings)) {
        for (const el of bindings.elements) if (el.name.text === name) return el;
      }
    } else if (t.isImportEqualsDeclaration(statement) && statement.name.text === name) {
      return statement;
    }
  }
  void use;
  return undefined;
}

function matchBinding(
  t: TypeScript,
  owner: ts.VariableDeclaration | ts.ParameterDeclaration,
  binding: ts.BindingName,
  name: string,
): Declaration | undefined {
  if (t.isIdentifier(binding)) return binding.text === name ? owner : undefined;
  for (const element of binding.elements) {
    if (t.isOmittedExpression(element)) continue;
    if (t.isIdentifier(element.name)) {
      if (element.name.text === name) return element;
    } else {
      const nested = matchBinding(t, owner, element.name, name);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** The initializer of a `const` (or never-reassigned) variable, following `const a = b` chains. */
export function constInitializer(t: TypeScript, decl: Declaration | undefined): ts.Expression | undefined {
  if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const list = decl.parent;
  if (!t.isVariableDeclarationList(list) || !(list.flags & t.NodeFlags.Const)) return undefined;
  return decl.initializer;
}
