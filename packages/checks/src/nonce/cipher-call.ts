import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import {
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  resolveIdentifier,
  skipOuterExpressions,
} from '../ast/index.js';
import { constString, objectPropertyValue } from '../ast/values.js';
import { type ArgumentSlot, type CipherApi, type CipherFamily } from '../catalogs/crypto-apis.js';
import { classifyCryptoCall } from './api-location.js';
import { cipherFamilyOf } from './crypto-lookup.js';

/** A cipher call read through the catalog: which API, which mode, and where its key and nonce are. */
export interface CipherCall {
  readonly api: CipherApi;
  readonly call: ts.CallExpression;
  /** What this call does: noble's `both` is settled by how the cipher object is used. */
  readonly direction: 'encrypt' | 'decrypt';
  /** The algorithm's name when known statically (`aes-256-gcm`, `AES-GCM`), through `const`s and, with a checker, imports. */
  readonly algorithm: string | undefined;
  /** Undefined when the algorithm is not known statically. */
  readonly family: CipherFamily | undefined;
  readonly key: ts.Expression | undefined;
  /** The nonce/IV as written (node-forge: in `cipher.start({ iv })`); undefined for APIs without one or when not found. */
  readonly nonce: ts.Expression | undefined;
}

/**
 * Reads a call as a cipher call: node:crypto `createCipheriv`/`createDecipheriv`/`createCipher`,
 * WebCrypto `subtle.encrypt`/`decrypt`, @noble/ciphers constructors and node-forge
 * `cipher.createCipher`, matched by where the callee is imported from. Undefined for any other
 * call, and for algorithms known to take no nonce (e.g. `RSA-OAEP` in `subtle.encrypt`).
 */
export function cipherCallOf(t: TypeScript, call: ts.CallExpression, checker?: ts.TypeChecker): CipherCall | undefined {
  const crypto = classifyCryptoCall(t, call);
  if (crypto?.kind !== 'cipher') return undefined;
  const api = crypto.api;
  const direction = api.direction === 'both' ? (onlyDecrypts(t, call) ? 'decrypt' : 'encrypt') : api.direction;
  let family: CipherFamily | undefined;
  let algorithm: string | undefined;
  if (api.algorithm.kind === 'fixed') family = api.algorithm.family;
  else {
    const expr = slotValue(t, call, api.algorithm);
    algorithm = expr && staticValue(t, expr, checker);
    family = algorithm === undefined ? undefined : cipherFamilyOf(algorithm);
    // A known name that is no cipher mode we know (e.g. RSA-OAEP in subtle.encrypt) has no nonce.
    if (algorithm !== undefined && family === undefined) return undefined;
  }
  const key = call.arguments[api.key.index];
  const base = { api, call, direction, algorithm, family, key } as const;
  const slot = api.nonce;
  if (!slot) return { ...base, nonce: undefined };
  if (slot.kind === 'method') return { ...base, nonce: methodCallNonce(t, call, slot.method, slot) };
  const property = family && slot.perFamily?.[family] ? slot.perFamily[family] : slot.property;
  return {
    ...base,
    nonce: slotValue(t, call, property === undefined ? { index: slot.index } : { index: slot.index, property }),
  };
}

/** The expression in an argument slot, looking through a `const` options object. */
function slotValue(t: TypeScript, call: ts.CallExpression, slot: ArgumentSlot): ts.Expression | undefined {
  const argument = call.arguments[slot.index];
  return !argument || slot.property === undefined ? argument : objectPropertyValue(t, argument, slot.property);
}

/** A string known statically, through `const` bindings, and with a checker through imported constants. */
function staticValue(t: TypeScript, expr: ts.Expression, checker: ts.TypeChecker | undefined): string | undefined {
  const lexical = constString(t, expr);
  if (lexical !== undefined || !checker) return lexical;
  const inner = skipOuterExpressions(t, expr);
  const init = t.isIdentifier(inner) ? constInitializer(t, resolveIdentifier(t, inner, checker)) : undefined;
  return init && constString(t, init);
}

/** node-forge: the `iv` passed to `cipher.start({ iv })` on the object this call created. */
function methodCallNonce(
  t: TypeScript,
  call: ts.CallExpression,
  method: string,
  slot: ArgumentSlot,
): ts.Expression | undefined {
  const declaration = call.parent;
  if (!t.isVariableDeclaration(declaration) || !t.isIdentifier(declaration.name)) return undefined;
  const name = declaration.name.text;
  let found: ts.Expression | undefined;
  forEachDescendant(t, enclosingFunctionOrFile(t, call), (node) => {
    if (
      t.isCallExpression(node) &&
      t.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === method &&
      t.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === name &&
      resolveIdentifier(t, node.expression.expression, undefined) === declaration
    ) {
      const argument = node.arguments[slot.index];
      if (argument && slot.property !== undefined) found = objectPropertyValue(t, argument, slot.property);
    }
    return found ? 'stop' : undefined;
  });
  return found;
}

/** noble: `gcm(key, nonce).decrypt(ct)`, or a cipher variable only ever used to decrypt. */
function onlyDecrypts(t: TypeScript, call: ts.CallExpression): boolean {
  const parent = call.parent;
  if (t.isPropertyAccessExpression(parent) && parent.expression === call) return parent.name.text === 'decrypt';
  if (!t.isVariableDeclaration(parent) || !t.isIdentifier(parent.name)) return false;
  const declaration = parent;
  const name = parent.name.text;
  let uses = 0;
  let decrypts = 0;
  forEachDescendant(t, enclosingFunctionOrFile(t, call), (node) => {
    if (
      t.isIdentifier(node) &&
      node.text === name &&
      node !== declaration.name &&
      resolveIdentifier(t, node, undefined) === declaration
    ) {
      uses++;
      if (
        t.isPropertyAccessExpression(node.parent) &&
        node.parent.expression === node &&
        node.parent.name.text === 'decrypt'
      )
        decrypts++;
    }
  });
  return uses > 0 && uses === decrypts;
}
