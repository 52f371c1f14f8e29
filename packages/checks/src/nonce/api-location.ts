import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { resolveIdentifier, skipOuterExpressions, staticString } from '../ast/index.js';
import {
  type ApiLocation,
  type CipherApi,
  type DeterministicApi,
  type RandomSourceApi,
} from '../catalogs/crypto-apis.js';
import {
  findCipherApi,
  findDeterministicApi,
  findRandomSource,
  isManagedNonceApi,
  normalizeModuleId,
} from './crypto-lookup.js';

/** Names under which the global object is reachable; `globalThis.crypto` is the global `crypto`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);
const MAX_DEPTH = 8;

/**
 * Where an expression comes from as module + member path, following imports, `require`,
 * `await import()`, destructuring and `const` aliases in this file:
 * `crypto.subtle.encrypt` with `import * as crypto from 'crypto'` -> `node:crypto` + `["subtle", "encrypt"]`;
 * an unbound `crypto.subtle` or `window.crypto.subtle` -> `global` + `["crypto", "subtle"]`.
 * Undefined when the root is a parameter, a computed value or anything else not statically known.
 * Resolution is lexical on purpose: a type checker would follow the import into the library's
 * declaration file and lose the module it came from.
 */
export function apiLocationOf(t: TypeScript, node: ts.Expression, depth = 0): ApiLocation | undefined {
  if (depth !== 0) return globalLocation(locate(t, node, depth));
  // Several checks, and the function summaries of each sink kind, ask where the same callee comes
  // from; the answer is lexical (a parsed file never changes), so it is kept per node. Callers copy
  // `path` before changing it.
  const known = locations.get(node);
  if (known !== undefined) return known ?? undefined;
  const found = globalLocation(locate(t, node, 0));
  locations.set(node, found ?? null);
  return found;
}

const locations = new WeakMap<ts.Node, ApiLocation | null>();

/** `globalThis.crypto.subtle` is the global `crypto.subtle`. */
function globalLocation(raw: ApiLocation | undefined): ApiLocation | undefined {
  if (!raw || raw.module !== 'global') return raw;
  let path = raw.path;
  while (path.length > 0 && GLOBAL_OBJECTS.has(path[0]!)) path = path.slice(1);
  return { module: 'global', path };
}

function locate(t: TypeScript, node: ts.Expression, depth: number): ApiLocation | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(t, node);
  if (t.isAwaitExpression(expr)) return locate(t, expr.expression, depth + 1);
  if (t.isIdentifier(expr)) return locateIdentifier(t, expr, depth);
  if (t.isPropertyAccessExpression(expr)) {
    const base = locate(t, expr.expression, depth + 1);
    return base && { module: base.module, path: [...base.path, expr.name.text] };
  }
  if (t.isElementAccessExpression(expr)) {
    const key = staticString(t, expr.argumentExpression);
    const base = key === undefined ? undefined : locate(t, expr.expression, depth + 1);
    return base && key !== undefined ? { module: base.module, path: [...base.path, key] } : undefined;
  }
  if (t.isCallExpression(expr)) {
    const specifier = moduleRequested(t, expr);
    return specifier === undefined ? undefined : { module: normalizeModuleId(specifier), path: [] };
  }
  return undefined;
}

/** `require('x')` and `import('x')` -> `x`. */
function moduleRequested(t: TypeScript, call: ts.CallExpression): string | undefined {
  const isRequire = t.isIdentifier(call.expression) && call.expression.text === 'require';
  const isImport = call.expression.kind === t.SyntaxKind.ImportKeyword;
  const first = call.arguments[0];
  return (isRequire || isImport) && first && t.isStringLiteralLike(first) ? first.text : undefined;
}

function locateIdentifier(t: TypeScript, id: ts.Identifier, depth: number): ApiLocation | undefined {
  const decl = resolveIdentifier(t, id, undefined);
  if (!decl) return { module: 'global', path: [id.text] };
  if (t.isImportSpecifier(decl)) {
    const importDecl = decl.parent.parent.parent;
    const imported = (decl.propertyName ?? decl.name).text;
    return moduleOf(t, importDecl, imported === 'default' ? [] : [imported]);
  }
  if (t.isImportClause(decl)) return moduleOf(t, decl.parent, []);
  if (t.isNamespaceImport(decl)) return moduleOf(t, decl.parent.parent, []);
  if (t.isImportEqualsDeclaration(decl)) {
    const ref = decl.moduleReference;
    return t.isExternalModuleReference(ref) && t.isStringLiteralLike(ref.expression)
      ? { module: normalizeModuleId(ref.expression.text), path: [] }
      : undefined;
  }
  if (t.isVariableDeclaration(decl)) return decl.initializer ? locate(t, decl.initializer, depth + 1) : undefined;
  if (t.isBindingElement(decl)) return locateBinding(t, decl, depth);
  return undefined;
}

function moduleOf(t: TypeScript, importDecl: ts.Node, path: string[]): ApiLocation | undefined {
  if (!t.isImportDeclaration(importDecl) || !t.isStringLiteralLike(importDecl.moduleSpecifier)) return undefined;
  return { module: normalizeModuleId(importDecl.moduleSpecifier.text), path };
}

/** `const { subtle } = globalThis.crypto` / `const { createCipheriv: cc } = require('crypto')`. */
function locateBinding(t: TypeScript, element: ts.BindingElement, depth: number): ApiLocation | undefined {
  const pattern = element.parent;
  if (!t.isObjectBindingPattern(pattern)) return undefined;
  const key = element.propertyName
    ? staticPropertyName(t, element.propertyName)
    : t.isIdentifier(element.name)
      ? element.name.text
      : undefined;
  if (key === undefined) return undefined;
  const owner = pattern.parent;
  const base = t.isVariableDeclaration(owner)
    ? owner.initializer && locate(t, owner.initializer, depth + 1)
    : t.isBindingElement(owner)
      ? locateBinding(t, owner, depth + 1)
      : undefined;
  return base ? { module: base.module, path: [...base.path, key] } : undefined;
}

function staticPropertyName(t: TypeScript, name: ts.PropertyName): string | undefined {
  if (t.isIdentifier(name) || t.isStringLiteralLike(name) || t.isNumericLiteral(name)) return name.text;
  if (t.isComputedPropertyName(name)) return staticString(t, name.expression);
  return undefined;
}

/** A call's callee resolved against the crypto catalog. */
export type CryptoCall =
  | { readonly kind: 'cipher'; readonly api: CipherApi; readonly call: ts.CallExpression }
  | { readonly kind: 'random'; readonly api: RandomSourceApi; readonly call: ts.CallExpression }
  | { readonly kind: 'deterministic'; readonly api: DeterministicApi; readonly call: ts.CallExpression }
  | { readonly kind: 'managed-nonce'; readonly call: ts.CallExpression };

/** Says which catalog API a call invokes, judged by where its callee was imported from. */
export function classifyCryptoCall(t: TypeScript, call: ts.CallExpression): CryptoCall | undefined {
  const location = apiLocationOf(t, call.expression);
  if (!location) return undefined;
  const { module, path } = location;
  const cipher = findCipherApi(module, path);
  if (cipher) return { kind: 'cipher', api: cipher, call };
  const random = findRandomSource(module, path);
  if (random) return { kind: 'random', api: random, call };
  const deterministic = findDeterministicApi(module, path);
  if (deterministic) return { kind: 'deterministic', api: deterministic, call };
  if (isManagedNonceApi(module, path)) return { kind: 'managed-nonce', call };
  return undefined;
}
