import type * as ts from 'typescript';
import { accessPath, calleeName, isShortSlice, skipOuterExpressions, staticString } from '../ast/index.js';
import { splitWords } from '../names/index.js';
import { calledFunction } from './callees.js';
import type { FlowContext } from './context.js';
import { matchesCallEntry, stripCall } from './source-names.js';
import { isProjectFunction, parameterUseOf, returnedExpressions } from './summaries/parameters.js';
import { summaryStore } from './summaries/store.js';
import { valueSources } from './values.js';

/**
 * True when a call is a configured sanitizer (`redact(token)`, `maskSecret(x)`, `bcrypt.hash(pw)`,
 * `createHash('sha256').update(pw).digest('hex')`): its result carries no secret.
 */
export function isSanitizerCall(ctx: FlowContext, call: ts.CallExpression): boolean {
  const t = ctx.ts;
  let current: ts.Expression = call;
  // Walk down a method chain: the chain is sanitized if any call in it is a sanitizer.
  while (t.isCallExpression(current)) {
    if (isSanitizerCallee(ctx, current.expression) || isDisplayFormCall(ctx, current)) return true;
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
 * A call whose name says it makes a display form of a secret, unless its body (when the program
 * shows it) hands a parameter back whole: only a short slice (`'...' + key.slice(-4)`) or a masking
 * `replace` of a parameter may be returned.
 */
function isDisplayFormCall(ctx: FlowContext, call: ts.CallExpression): boolean {
  const t = ctx.ts;
  const callee = skipOuterExpressions(t, call.expression);
  const name = calleeName(t, callee);
  if (call.arguments.length === 0 || !name || !splitWords(stripCall(name)).some((w) => DISPLAY_FORM_WORDS.has(w)))
    return false;
  const fn = calledFunction(ctx, callee);
  return !fn || !isProjectFunction(fn) || returnsDisplayFormOnly(ctx, fn);
}

/** Per function: whether it returns its parameters only shortened or masked (see `isDisplayFormCall`). */
const DISPLAY_FORMS = new WeakMap<ts.FunctionLikeDeclaration, boolean>();

function returnsDisplayFormOnly(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): boolean {
  const known = DISPLAY_FORMS.get(fn);
  if (known !== undefined) return known;
  DISPLAY_FORMS.set(fn, false); // a recursive display helper is judged by its other returns
  const t = ctx.ts;
  const summaries = summaryStore(ctx).ctx;
  const shortened = (at: ts.Node) => isShortSlice(t, at) || isMaskingReplace(t, at);
  // Only shortened parameters: a secret of its own (`return process.env.DISPLAY_TOKEN`) is no display form.
  const only = returnedExpressions(t, fn).every((expr) =>
    valueSources(summaries, expr).every(
      (f) => parameterUseOf(summaries, f.source, fn) !== undefined && shortened(f.at),
    ),
  );
  DISPLAY_FORMS.set(fn, only);
  return only;
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
