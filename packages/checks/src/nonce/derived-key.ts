import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import type { ArgumentSlot, SaltedKdfApi } from '../catalogs/crypto-apis.js';
import {
  accessPath,
  constInitializer,
  forEachDescendant,
  isFunctionLike,
  resolveIdentifier,
  skipOuterExpressions,
} from '../ast/index.js';
import { objectPropertyValue } from '../ast/values.js';
import { apiLocationOf } from './api-location.js';
import { findSaltedKdf } from './crypto-lookup.js';

const MAX_DEPTH = 8;
/** Calls that hand the key bytes on unchanged, in part or whole. */
const BYTE_VIEWS = new Set(['subarray', 'slice']);
const BYTE_COPIES = new Set(['Buffer.from', 'Uint8Array.from']);

/**
 * The salt of the salted KDF that derived `key` in this function, when the code shows one: the key
 * is the KDF's result (`scryptSync(pw, salt, 32)`, `await scryptAsync(...)` of a `promisify(scrypt)`,
 * `await subtle.deriveKey({ salt, ... })`), a view of it (`.subarray(0, 32)`), or what a
 * `new Promise` resolves with from the KDF's callback (`scrypt(pw, salt, 32, (err, k) => resolve(k))`).
 */
export function kdfSaltOfKey(t: TypeScript, key: ts.Expression): ts.Expression | undefined {
  return saltOf(t, key, 0);
}

function saltOf(t: TypeScript, node: ts.Expression, depth: number): ts.Expression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(t, node);
  if (t.isAwaitExpression(expr)) return saltOf(t, expr.expression, depth + 1);
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    return init && saltOf(t, init, depth + 1);
  }
  if (t.isNewExpression(expr)) return promisedSalt(t, expr);
  if (!t.isCallExpression(expr)) return undefined;
  const kdf = kdfOf(t, expr.expression);
  if (kdf && !kdf.callback) return argumentAt(t, expr, kdf.salt);
  const callee = skipOuterExpressions(t, expr.expression);
  if (t.isPropertyAccessExpression(callee) && BYTE_VIEWS.has(callee.name.text))
    return saltOf(t, callee.expression, depth + 1);
  const first = expr.arguments[0];
  if (first && BYTE_COPIES.has(accessPath(t, callee)?.join('.') ?? '')) return saltOf(t, first, depth + 1);
  return undefined;
}

/**
 * The salted KDF a callee names: a catalog API, or `promisify(scrypt)` (bound to a `const`), whose
 * promise resolves with the key the callback would get.
 */
function kdfOf(t: TypeScript, callee: ts.Expression): SaltedKdfApi | undefined {
  const location = apiLocationOf(t, callee);
  const direct = location && findSaltedKdf(location.module, location.path);
  if (direct) return direct;
  const id = skipOuterExpressions(t, callee);
  const init = t.isIdentifier(id) ? constInitializer(t, resolveIdentifier(t, id, undefined)) : undefined;
  const wrapped = init && skipOuterExpressions(t, init);
  if (!wrapped || !t.isCallExpression(wrapped) || wrapped.arguments.length !== 1) return undefined;
  const wrapper = apiLocationOf(t, wrapped.expression);
  if (!wrapper || !['node:util', 'util'].includes(wrapper.module) || wrapper.path.join('.') !== 'promisify')
    return undefined;
  const inner = apiLocationOf(t, wrapped.arguments[0]!);
  const kdf = inner && findSaltedKdf(inner.module, inner.path);
  return kdf?.callback ? { ...kdf, callback: false } : undefined;
}

/** `new Promise((resolve) => scrypt(pw, salt, 32, (err, key) => resolve(key)))`: the KDF call's salt. */
function promisedSalt(t: TypeScript, expr: ts.NewExpression): ts.Expression | undefined {
  const executor = expr.arguments?.[0] && skipOuterExpressions(t, expr.arguments[0]);
  if (!executor || !(t.isArrowFunction(executor) || t.isFunctionExpression(executor))) return undefined;
  const resolveParam = executor.parameters[0];
  if (!resolveParam || !t.isIdentifier(resolveParam.name)) return undefined;
  let salt: ts.Expression | undefined;
  forEachDescendant(t, executor.body, (node) => {
    if (salt) return 'stop';
    if (!t.isCallExpression(node)) return;
    const kdf = kdfOf(t, node.expression);
    const callback = node.arguments[node.arguments.length - 1];
    if (!kdf?.callback || !callback || !isFunctionLike(t, callback)) return;
    const keyParam = callback.parameters[1];
    if (keyParam && t.isIdentifier(keyParam.name) && resolvesWith(t, callback, resolveParam, keyParam))
      salt = argumentAt(t, node, kdf.salt);
  });
  return salt;
}

/** True when `fn` calls the promise's `resolve` with its parameter `key`. */
function resolvesWith(
  t: TypeScript,
  fn: ts.FunctionLikeDeclaration,
  resolveParam: ts.ParameterDeclaration,
  keyParam: ts.ParameterDeclaration,
): boolean {
  let found = false;
  forEachDescendant(t, fn, (node) => {
    if (found) return 'stop';
    if (!t.isCallExpression(node)) return;
    const callee = skipOuterExpressions(t, node.expression);
    const arg = node.arguments[0] && skipOuterExpressions(t, node.arguments[0]);
    found =
      t.isIdentifier(callee) &&
      resolveIdentifier(t, callee, undefined) === resolveParam &&
      arg !== undefined &&
      t.isIdentifier(arg) &&
      resolveIdentifier(t, arg, undefined) === keyParam;
  });
  return found;
}

function argumentAt(t: TypeScript, call: ts.CallExpression, slot: ArgumentSlot): ts.Expression | undefined {
  const arg = call.arguments[slot.index];
  return arg && slot.property !== undefined ? objectPropertyValue(t, arg, slot.property) : arg;
}
