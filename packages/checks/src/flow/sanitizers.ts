import type * as ts from 'typescript';
import { accessPath, calleeName, isShortSlice, skipOuterExpressions, staticString } from '../ast/index.js';
import { splitWords } from '../names/index.js';
import { calledFunction } from './callees.js';
import type { FlowContext } from './context.js';
import { matchesCallEntry, stripCall } from './source-names.js';
import { isProjectFunction } from './summaries/parameters.js';

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

/**
 * Words of a function's name that say it makes a display form of a secret, the few characters a
 * settings page shows (`getDisplayCredential(key)`, `truncateToken(t)`, `shortenKey(k)`, `last4(k)`).
 * `preview` is left out: `getPreviewToken()` reads a CMS's preview-mode secret.
 */
const DISPLAY_FORM_WORDS: ReadonlySet<string> = new Set([
  'display',
  'truncate',
  'truncated',
  'shorten',
  'shortened',
  'abbreviate',
  'abbreviated',
  'last4',
]);

/** Replacement text of a masking `replace`: mask characters only (`.replace(/.(?=.{4})/g, '*')`). */
const MASK_TEXT = /^[*•·xX#.…-]+$/;

/**
 * A call whose name says it makes a display form of a secret: `'unseen'` when the program does not show
 * the function's body (a library, a module out of the program), the function when it does (its body
 * decides, see `returnsDisplayFormOnly` in `./values.ts`), undefined for any other call.
 */
export function displayFormCallee(
  ctx: FlowContext,
  call: ts.CallExpression,
): ts.FunctionLikeDeclaration | 'unseen' | undefined {
  const t = ctx.ts;
  const callee = skipOuterExpressions(t, call.expression);
  const name = calleeName(t, callee);
  if (call.arguments.length === 0 || !name || !splitWords(stripCall(name)).some((w) => DISPLAY_FORM_WORDS.has(w)))
    return undefined;
  const fn = calledFunction(ctx, callee);
  return fn && isProjectFunction(fn) ? fn : 'unseen';
}

/** A short slice (`key.slice(-4)`, `key.slice(0, 6)`) or a masking `replace` of a value: a display form of it. */
export function isShortenedForm(t: FlowContext['ts'], node: ts.Node): boolean {
  return isShortSlice(t, node) || isMaskingReplace(t, node);
}

/** `x.replace(/.(?=.{4})/g, '*')`, `x.replaceAll(/\w/g, '•')`: every matched character masked. */
function isMaskingReplace(t: FlowContext['ts'], node: ts.Node): boolean {
  if (!t.isCallExpression(node) || !t.isPropertyAccessExpression(node.expression)) return false;
  const method = node.expression.name.text;
  const replacement = node.arguments[1] && staticString(t, node.arguments[1]);
  return (method === 'replace' || method === 'replaceAll') && replacement !== undefined && MASK_TEXT.test(replacement);
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
