import type * as ts from 'typescript';
import { accessPath, calleeName, skipOuterExpressions } from '../ast/index.js';
import { splitWords } from '../names/index.js';
import type { FlowContext } from './context.js';
import { matchesCallEntry, stripCall } from './source-names.js';

/**
 * True when a call is a configured sanitizer (`redact(token)`, `maskSecret(x)`, `bcrypt.hash(pw)`,
 * `createHash('sha256').update(pw).digest('hex')`): its result carries no secret.
 */
export function isSanitizerCall(ctx: FlowContext, call: ts.CallExpression): boolean {
  const t = ctx.ts;
  let current: ts.Expression = call;
  // Walk down a method chain: the chain is sanitized if any call in it is a sanitizer.
  while (t.isCallExpression(current)) {
    if (isSanitizerCallee(ctx, current.expression)) return true;
    const callee = skipOuterExpressions(t, current.expression);
    if (!t.isPropertyAccessExpression(callee)) break;
    current = skipOuterExpressions(t, callee.expression);
  }
  return false;
}

/** True when a callee names a sanitizer: a dotted entry matches the path's end, a plain one the name or one of its words. */
export function isSanitizerCallee(ctx: FlowContext, callee: ts.Expression): boolean {
  const t = ctx.ts;
  const name = calleeName(t, callee);
  if (!name) return false;
  const path = accessPath(t, callee) ?? [name];
  const words = splitWords(stripCall(name));
  return ctx.sanitizers.some((entry) => {
    if (entry.includes('.')) return matchesCallEntry(entry, path);
    const e = entry.toLowerCase();
    // `redacted`, `masked`, `hashed` start with the entry; `sha256` is one word.
    return name.toLowerCase() === e || words.some((w) => w === e || (e.length >= 4 && w.startsWith(e)));
  });
}
