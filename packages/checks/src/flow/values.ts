import type * as ts from 'typescript';
import {
  accessPath,
  calleeName,
  constInitializer,
  constString,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  shortText,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import { DECIPHER_FACTORIES, REQUEST_RECEIVERS, SECRET_REVEAL_METHOD, SECRET_USE_METHOD } from '../catalogs/sources.js';
import { PASS_THROUGH_FUNCTIONS, PASS_THROUGH_METHODS } from '../catalogs/pass-through.js';
import { classifyName, splitWords } from '../names/index.js';
import {
  bindingElementKey,
  bindingElementSource,
  declarationOf,
  expandedPath,
  originOf,
  rootIdentifier,
  variableDeclarationOf,
} from './aliases.js';
import type { FlowContext } from './context.js';
import { displayFormCallee, isSanitizerCall, isShortenedForm } from './sanitizers.js';
import { calledFunction } from './callees.js';
import { isRecordReference } from './references.js';
import {
  argumentFor,
  isProjectFunction,
  parameterUseOf,
  returnedExpressions,
  type ParameterUse,
} from './summaries/parameters.js';
import { memoized, summaryStore } from './summaries/store.js';
import { isSecretWrapperType, sourceOfEnv, sourceOfNamedAccessor, sourceOfPath, type SecretSource } from './sources.js';
import {
  accessorSecretName,
  isCredentialHeader,
  isDecryptCallee,
  matchesCallEntry,
  stripCall,
} from './source-names.js';

/** A secret that an expression carries, and where it enters that expression. */
export interface ValueFlow {
  readonly source: SecretSource;
  /**
   * The part of the queried expression the secret comes in through: an identifier, a member read,
   * a template span's expression, a shorthand property (`{ token }`) or a spread (`{ ...creds }`).
   * Always inside the queried expression, so reports and fixes can point at it.
   */
  readonly at: ts.Node;
}

// The pass-through tables are data (`../catalogs/pass-through.ts`); re-exported for the checks that walk values themselves.
export { PASS_THROUGH_FUNCTIONS, PASS_THROUGH_METHODS };

const PREFIX_METHODS = new Set(['slice', 'substring', 'substr']);
const PASS_METHOD_SET = new Set(PASS_THROUGH_METHODS);

/**
 * What secrets an expression carries, following the value back within its function: aliases
 * (`const t = token`), `let` assignments, destructuring (`const { password } = body`,
 * `const { token: t } = req.body`), template literals, concatenation, `||`/`??`, conditionals,
 * object literals and spreads, arrays, pass-through calls (`JSON.stringify`, `String`, `.trim()`),
 * and, through the declaration, functions that return a secret. Sanitizers (`redact(x)`),
 * `.length`, boolean coercions, comparisons and `typeof` break the flow. With a checker, values
 * typed as the crypto core's `Secret` (they print redacted) and boolean/void values carry nothing.
 */
export function valueSources(ctx: FlowContext, expr: ts.Expression): ValueFlow[] {
  const found = flowsOf(ctx, expr, undefined, 0, new Set());
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.at.pos}:${f.at.end}:${f.source.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when the expression carries any secret; shorthand for `valueSources(ctx, expr).length > 0`. */
export function carriesSecret(ctx: FlowContext, expr: ts.Expression): boolean {
  return valueSources(ctx, expr).length > 0;
}

/**
 * The secrets a function returns (its `return` expressions, or an arrow's expression body),
 * cached per declaration. Parameters carry nothing here unless their names are secret.
 */
export function returnedSources(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): SecretSource[] {
  return returnedSourcesAt(ctx, fn, 0, new Set());
}

type Seen = Set<ts.Node>;

function flowsOf(
  ctx: FlowContext,
  node: ts.Expression,
  at: ts.Node | undefined,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  // Syntax first, the checker only for a value that carries something: most values reaching a sink
  // carry nothing, and their type (a call's resolved signature) costs more than the walk.
  const flows = syntacticFlowsOf(ctx, node, at, depth, seen);
  return flows.length > 0 && isSafeByType(ctx, skipOuterExpressions(ctx.ts, node)) ? [] : flows;
}

function syntacticFlowsOf(
  ctx: FlowContext,
  node: ts.Expression,
  at: ts.Node | undefined,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  const t = ctx.ts;
  const expr = skipOuterExpressions(t, node);
  const here = at ?? expr;
  const union = (parts: readonly ts.Expression[]) => parts.flatMap((p) => flowsOf(ctx, p, at, depth, seen));

  if (t.isIdentifier(expr)) {
    const flows = identifierFlows(ctx, expr, here, depth, seen);
    return flows.length > 0 || isTracedObject(ctx, expr) ? flows : secretFieldFlows(ctx, expr, here);
  }
  if (t.isPropertyAccessExpression(expr) || t.isElementAccessExpression(expr)) {
    const flows = memberFlows(ctx, expr, here, depth, seen);
    return flows.length > 0 ? flows : secretFieldFlows(ctx, expr, here);
  }
  if (t.isCallExpression(expr)) return callFlows(ctx, expr, here, at, depth, seen);
  if (t.isAwaitExpression(expr)) return flowsOf(ctx, expr.expression, at, depth, seen);
  if (t.isTemplateExpression(expr)) return union(expr.templateSpans.map((s) => s.expression));
  if (t.isConditionalExpression(expr) || t.isBinaryExpression(expr)) return union(chainOperands(ctx, expr));
  if (t.isArrayLiteralExpression(expr))
    return union(expr.elements.map((e) => (t.isSpreadElement(e) ? e.expression : e)));
  if (t.isSpreadElement(expr)) return flowsOf(ctx, expr.expression, at, depth, seen);
  if (t.isObjectLiteralExpression(expr)) return objectFlows(ctx, expr, at, depth, seen);
  // Literals, `!x`, `typeof x`, `void x`, `-x`, functions, classes, `new X()`, tagged templates: nothing.
  return [];
}

/**
 * The operands whose values an operator chain can evaluate to (`a + b + c`, `a ?? b || c`,
 * `x ? a : y ? b : c`, `a && b`, `a = b`, `a, b`), taken apart with a loop: generated code nests these
 * thousands deep, and one recursive call per level would overflow the stack. Comparisons, arithmetic,
 * `instanceof` and `in` carry nothing (booleans and numbers), nor do operands known safe by type.
 */
function chainOperands(ctx: FlowContext, expr: ts.ConditionalExpression | ts.BinaryExpression): ts.Expression[] {
  const t = ctx.ts;
  const k = t.SyntaxKind;
  const out: ts.Expression[] = [];
  const pending: ts.Expression[] = [expr];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const inner = skipOuterExpressions(t, node);
    if (inner !== expr && !t.isConditionalExpression(inner) && !t.isBinaryExpression(inner)) {
      out.push(node);
      continue;
    }
    // A sum is a string or a number, never safe by type: asking the checker at every level of a long
    // concatenation would cost the whole chain each time.
    if (inner !== expr && !isSum(t, inner) && isSafeByType(ctx, inner)) continue;
    // Pushed right first, so operands come out left to right.
    if (t.isConditionalExpression(inner)) {
      pending.push(inner.whenFalse, inner.whenTrue);
      continue;
    }
    const op = (inner as ts.BinaryExpression).operatorToken.kind;
    const { left, right } = inner as ts.BinaryExpression;
    if (op === k.PlusToken || op === k.PlusEqualsToken || op === k.BarBarToken || op === k.QuestionQuestionToken)
      pending.push(right, left);
    // `a && b` is `b` or a falsy `a`; an assignment's value is its right side; `a, b` is `b`.
    else if (
      op === k.AmpersandAmpersandToken ||
      op === k.EqualsToken ||
      op === k.CommaToken ||
      op === k.BarBarEqualsToken ||
      op === k.QuestionQuestionEqualsToken
    )
      pending.push(right);
  }
  return out;
}

function isSum(t: FlowContext['ts'], node: ts.Expression): boolean {
  return (
    t.isBinaryExpression(node) &&
    (node.operatorToken.kind === t.SyntaxKind.PlusToken || node.operatorToken.kind === t.SyntaxKind.PlusEqualsToken)
  );
}

function objectFlows(
  ctx: FlowContext,
  obj: ts.ObjectLiteralExpression,
  at: ts.Node | undefined,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  const t = ctx.ts;
  const out: ValueFlow[] = [];
  for (const prop of obj.properties) {
    if (t.isShorthandPropertyAssignment(prop)) {
      out.push(...flowsOf(ctx, prop.name, at ?? prop, depth, seen));
    } else if (t.isSpreadAssignment(prop)) {
      out.push(...flowsOf(ctx, prop.expression, at ?? prop, depth, seen));
    } else if (t.isPropertyAssignment(prop)) {
      out.push(...keyedValueFlows(ctx, propertyNameText(t, prop.name), prop.initializer, prop, at, depth, seen));
    }
  }
  return out;
}

/**
 * What a value stored under a key carries: what the value itself carries, or, for a secret-named
 * key over an opaque value (`{ token: t }`, `meta.apiKey = value`), a source named by the key.
 */
function keyedValueFlows(
  ctx: FlowContext,
  key: string | undefined,
  value: ts.Expression,
  keyNode: ts.Node,
  at: ts.Node | undefined,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  const inner = flowsOf(ctx, value, at, depth, seen);
  if (inner.length > 0) return inner;
  const c = key === undefined ? undefined : classifyName(key, ctx.classifier);
  if (!c?.isSecret || !isOpaqueValue(ctx, value)) return [];
  return [{ source: { node: keyNode, name: key!, kind: c.kind ?? 'secret', reason: 'name' }, at: at ?? value }];
}

/** Member names that say "the content" and nothing else: under a secret-named key they are the secret. */
const CONTENT_MEMBERS = new Set([
  'value',
  'raw',
  'plain',
  'plaintext',
  'data',
  'val',
  'text',
  'content',
  'result',
  'current',
]);

/**
 * A plain variable (`t`) or a content read (`result.value`) whose own name says nothing: a
 * secret-named key over it names what it is. `{ token: token.id }` or `{ session: s.expiresAt }`
 * read something else off the object, so other member names do not count.
 */
function isOpaqueValue(ctx: FlowContext, node: ts.Expression): boolean {
  const t = ctx.ts;
  const expr = skipOuterExpressions(t, node);
  let name: string | undefined;
  if (t.isIdentifier(expr)) name = expr.text;
  else if (t.isPropertyAccessExpression(expr) && CONTENT_MEMBERS.has(expr.name.text)) name = expr.name.text;
  else return false;
  if (name === 'undefined') return false;
  return classifyName(name, ctx.classifier).verdict === 'none' && !isSafeByType(ctx, expr) && !isNumberTyped(ctx, expr);
}

function identifierFlows(ctx: FlowContext, id: ts.Identifier, here: ts.Node, depth: number, seen: Seen): ValueFlow[] {
  const t = ctx.ts;
  if (id.text === 'undefined') return [];
  if (ctx.parametersAsSources) {
    const parameter = parameterSource(ctx, id);
    if (parameter) return [{ source: parameter, at: here }];
  }
  const c = classifyName(id.text, ctx.classifier);
  if (c.isSecret) {
    if (!typeMayHoldSecret(ctx, id) || hasPlainInitializer(ctx, id) || isFailureCodeName(id.text)) return [];
    if (isPieceOfPlainText(ctx, id, depth, seen)) return [];
    return [{ source: { node: id, name: id.text, kind: c.kind ?? 'secret', reason: 'name' }, at: here }];
  }
  // `tokenCount`, `passwordHash`, `keyId`: the name says what it holds, and it is not the secret.
  if (c.verdict !== 'none') return [];
  const env = sourceOfEnv(t, id, ctx.checker, { classifier: ctx.classifier });
  if (env) return [{ source: env, at: here }];
  if (depth >= ctx.maxDepth) return [];
  const decl = declarationOf(ctx, id);
  if (!decl || seen.has(decl)) return [];
  const next = new Set(seen).add(decl);
  if (t.isBindingElement(decl)) return bindingFlows(ctx, decl, here, depth + 1, next);
  if (t.isParameter(decl)) {
    const revealed = revealedParameter(ctx, decl);
    if (revealed) return [{ source: revealed, at: here }];
    // `function attach(config, token) { config.headers.Authorization = `Bearer ${token}`; log(config) }`
    if (!t.isIdentifier(decl.name)) return [];
    return assignmentsTo(ctx, decl).members.flatMap((m) =>
      keyedValueFlows(ctx, m.key, m.value, m.node, here, depth + 1, next),
    );
  }
  if (!t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name)) return [];
  const values: ts.Expression[] = [];
  const forOf = decl.parent.parent;
  if (t.isForOfStatement(forOf) && forOf.initializer === decl.parent) values.push(forOf.expression);
  if (decl.initializer) values.push(decl.initializer);
  const assigned = assignmentsTo(ctx, decl);
  if (!constInitializer(t, decl)) values.push(...assigned.whole);
  // `const meta = {}; meta.token = token; log(meta)`: what is stored into the object is in it.
  const stored = assigned.members.flatMap((m) => keyedValueFlows(ctx, m.key, m.value, m.node, here, depth + 1, next));
  return [...values.flatMap((v) => flowsOf(ctx, v, here, depth + 1, next)), ...stored];
}

/** Array methods whose callback's first parameter is an element of the array. */
const ELEMENT_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'some', 'every', 'find', 'flatMap', 'reduce']);

/** String methods whose result is the same piece of text, trimmed or re-cased. */
const SAME_TEXT_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize']);

/**
 * `value.split(',').map((token) => …)`, `for (const token of line.split(/\s+/))`: a piece of text that
 * carries no secret is a lexer's token, not a credential, whatever it is called. Also one step removed:
 * `const token = segment.trim()` for such a `segment`, a loop over `const segments = field.split(',')`,
 * `const [rangeToken, stepToken] = token.split('/')`, and the parameter of a function of this module that
 * every caller gives such a piece (`parseRangeToken({ token: rangeToken })`).
 */
function isPieceOfPlainText(ctx: FlowContext, id: ts.Identifier, depth: number, seen: Seen): boolean {
  const t = ctx.ts;
  if (depth >= ctx.maxDepth) return false;
  const decl = declarationOf(ctx, id);
  if (decl && t.isBindingElement(decl) && t.isArrayBindingPattern(decl.parent)) {
    const owner = decl.parent.parent;
    const from = t.isVariableDeclaration(owner) ? constInitializer(t, owner) : undefined;
    return from !== undefined && isSplitOfPlainText(ctx, from, depth, seen);
  }
  const given = decl && parameterOfPrivateFunction(ctx, decl);
  if (given) {
    // One walk of the module per parameter: every use of a parameter asks the same question.
    const known = GIVEN_PIECES.get(decl!);
    if (known !== undefined) return known;
    GIVEN_PIECES.set(decl!, false);
    const pieces = givenOnlyPieces(ctx, given, depth, seen);
    GIVEN_PIECES.set(decl!, pieces);
    return pieces;
  }
  const init = decl && t.isVariableDeclaration(decl) ? constInitializer(t, decl) : undefined;
  if (init) {
    let piece = skipOuterExpressions(t, init);
    while (
      t.isCallExpression(piece) &&
      t.isPropertyAccessExpression(piece.expression) &&
      SAME_TEXT_METHODS.has(piece.expression.name.text)
    )
      piece = skipOuterExpressions(t, piece.expression.expression);
    return t.isIdentifier(piece) && isPieceOfPlainText(ctx, piece, depth + 1, seen);
  }
  let list: ts.Expression | undefined;
  if (decl && t.isParameter(decl) && decl.parent.parameters[0] === decl) {
    const fn = decl.parent;
    const call = fn.parent;
    if (
      (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) &&
      call &&
      t.isCallExpression(call) &&
      call.arguments[0] === fn &&
      t.isPropertyAccessExpression(call.expression) &&
      ELEMENT_CALLBACK_METHODS.has(call.expression.name.text)
    )
      list = call.expression.expression;
  } else if (decl && t.isVariableDeclaration(decl) && t.isForOfStatement(decl.parent.parent)) {
    list = decl.parent.parent.expression;
  }
  return list !== undefined && isSplitOfPlainText(ctx, list, depth, seen);
}

/** `line.split(' ')`, or a `const` holding one (`const segments = field.split(',')`), of text that carries no secret. */
function isSplitOfPlainText(ctx: FlowContext, list: ts.Expression, depth: number, seen: Seen): boolean {
  const t = ctx.ts;
  let split: ts.Expression | undefined = skipOuterExpressions(t, list);
  if (t.isIdentifier(split)) {
    const listInit = constInitializer(t, variableDeclarationOf(ctx, split));
    split = listInit && skipOuterExpressions(t, listInit);
  }
  if (!split || !t.isCallExpression(split)) return false;
  const callee = skipOuterExpressions(t, split.expression);
  if (!t.isPropertyAccessExpression(callee) || callee.name.text !== 'split') return false;
  // The text split must not be a secret itself (`authorization.split(' ')` holds the credential).
  return depth < ctx.maxDepth && flowsOf(ctx, callee.expression, undefined, depth + 1, seen).length === 0;
}

/** Per parameter declaration: whether every caller gives it a piece of plain text (see `givenOnlyPieces`). */
const GIVEN_PIECES = new WeakMap<ts.Node, boolean>();

/** A parameter (or a field destructured from one) of a function that only this module can call. */
interface PrivateParameter {
  readonly fn: ts.FunctionDeclaration;
  readonly index: number;
  readonly key: string | undefined;
}

function parameterOfPrivateFunction(ctx: FlowContext, decl: ts.Node): PrivateParameter | undefined {
  const t = ctx.ts;
  let key: string | undefined;
  let parameter: ts.Node = decl;
  if (t.isBindingElement(decl)) {
    if (!t.isObjectBindingPattern(decl.parent)) return undefined;
    key = bindingElementKey(ctx, decl);
    if (key === undefined) return undefined;
    parameter = decl.parent.parent;
  }
  if (!t.isParameter(parameter) || parameter.dotDotDotToken) return undefined;
  const fn = parameter.parent;
  if (!t.isFunctionDeclaration(fn) || !fn.name || !t.isSourceFile(fn.parent)) return undefined;
  if (t.getCombinedModifierFlags(fn) & t.ModifierFlags.Export) return undefined;
  return { fn, index: fn.parameters.indexOf(parameter), key };
}

/**
 * Every use of the function is a call of it in this module (no export, no callback) that passes, for
 * the parameter, a variable holding a piece of plain text.
 */
function givenOnlyPieces(ctx: FlowContext, given: PrivateParameter, depth: number, seen: Seen): boolean {
  const t = ctx.ts;
  const name = given.fn.name!;
  let calls = 0;
  const stopped = forEachDescendant(t, given.fn.getSourceFile(), (node) => {
    if (!t.isIdentifier(node) || node === name || node.text !== name.text) return undefined;
    const call = node.parent;
    if (!call || !t.isCallExpression(call) || call.expression !== node) return 'stop';
    let arg: ts.Node | undefined = call.arguments[given.index];
    if (arg && given.key !== undefined) {
      const object = skipOuterExpressions(t, arg as ts.Expression);
      const property = t.isObjectLiteralExpression(object)
        ? object.properties.find((p) => propertyNameText(t, p.name) === given.key)
        : undefined;
      arg = property && t.isPropertyAssignment(property) ? property.initializer : property?.name;
    }
    const value = arg && t.isExpression(arg) ? skipOuterExpressions(t, arg) : undefined;
    if (!value || !t.isIdentifier(value) || !isPieceOfPlainText(ctx, value, depth + 1, seen)) return 'stop';
    calls++;
    return undefined;
  });
  return !stopped && calls > 0;
}

/**
 * While a summary is computed: a parameter (`token` in `(token) => …`), or a field taken out of one
 * (`({ token }) => …`), is a source whose node is its declaration or binding element.
 */
function parameterSource(ctx: FlowContext, id: ts.Identifier): SecretSource | undefined {
  const t = ctx.ts;
  const decl = declarationOf(ctx, id);
  if (!decl) return undefined;
  const parameter = t.isParameter(decl)
    ? decl
    : t.isBindingElement(decl) && t.isObjectBindingPattern(decl.parent) && t.isParameter(decl.parent.parent)
      ? decl
      : undefined;
  return parameter && { node: parameter, name: id.text, kind: 'parameter', reason: 'parameter' };
}

/**
 * What a variable or parameter is assigned (`x = v`, `x += v`, `x ??= v`) and what is stored into it
 * at any depth (`x.key = v`, `x.headers.key = v`: the last key names it), within its scope.
 */
interface Assignments {
  readonly whole: ts.Expression[];
  readonly members: { readonly key: string | undefined; readonly value: ts.Expression; readonly node: ts.Node }[];
}

function assignmentsTo(ctx: FlowContext, decl: ts.VariableDeclaration | ts.ParameterDeclaration): Assignments {
  const cached = ctx.cache.get(decl) as Assignments | undefined;
  if (cached) return cached;
  const t = ctx.ts;
  const name = (decl.name as ts.Identifier).text;
  const scope = enclosingFunctionOrFile(t, decl);
  const found: Assignments = { whole: [], members: [] };
  const k = t.SyntaxKind;
  const assigning = new Set([k.EqualsToken, k.PlusEqualsToken, k.QuestionQuestionEqualsToken, k.BarBarEqualsToken]);
  const refersToDecl = (node: ts.Expression): boolean =>
    t.isIdentifier(node) && node.text === name && declarationOf(ctx, node) === decl;
  /** The identifier under `x.a.b` / `x['a'].b`. */
  const rootOf = (node: ts.Expression): ts.Expression => {
    let at = skipOuterExpressions(t, node);
    while (t.isPropertyAccessExpression(at) || t.isElementAccessExpression(at))
      at = skipOuterExpressions(t, at.expression);
    return at;
  };
  forEachDescendant(t, scope, (node) => {
    if (t.isBinaryExpression(node) && assigning.has(node.operatorToken.kind)) {
      const left = skipOuterExpressions(t, node.left);
      if (refersToDecl(left)) found.whole.push(node.right);
      else if (
        (t.isPropertyAccessExpression(left) || t.isElementAccessExpression(left)) &&
        refersToDecl(rootOf(left.expression))
      ) {
        const key = t.isPropertyAccessExpression(left) ? left.name.text : propertyNameText(t, left.argumentExpression);
        found.members.push({ key, value: node.right, node: left });
      }
    }
  });
  ctx.cache.set(decl, found);
  return found;
}

function bindingFlows(
  ctx: FlowContext,
  element: ts.BindingElement,
  here: ts.Node,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  const t = ctx.ts;
  const source = bindingElementSource(ctx, element);
  if (t.isArrayBindingPattern(element.parent)) {
    // `const [user, pass] = decoded.split(':')`: each element carries what the array carries.
    return source && !element.dotDotDotToken ? flowsOf(ctx, source, here, depth, seen) : [];
  }
  const key = bindingElementKey(ctx, element);
  if (key === undefined) return []; // `...rest`: what was taken out is not in it
  const c = classifyName(key, ctx.classifier);
  if (c.isSecret) {
    return !t.isIdentifier(element.name) || typeMayHoldSecret(ctx, element.name)
      ? [{ source: { node: element, name: key, kind: c.kind ?? 'secret', reason: 'name' }, at: here }]
      : [];
  }
  if (c.verdict !== 'none' || !source) return [];
  // `const { authorization } = req.headers`, `const { cookies } = req`, `const { API_KEY } = process.env`.
  const base = expandedPath(ctx, source);
  const bySource = base && sourceOfPath([...base, key], element, { classifier: ctx.classifier });
  return bySource ? [{ source: bySource, at: here }] : [];
}

function memberFlows(
  ctx: FlowContext,
  expr: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  here: ts.Node,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  const t = ctx.ts;
  const options = { classifier: ctx.classifier };
  const env = sourceOfEnv(t, expr, ctx.checker, options);
  if (env) return [{ source: env, at: here }];
  const path = expandedPath(ctx, expr);
  const request = path && sourceOfPath(path, expr, options);
  if (request) return [{ source: { ...request, name: shortText(expr) }, at: here }];
  const bodyField = path && requestBodySecretField(ctx, expr, path);
  if (bodyField) return [{ source: { node: expr, name: shortText(expr), kind: bodyField, reason: 'name' }, at: here }];
  const key = t.isPropertyAccessExpression(expr) ? expr.name.text : propertyNameText(t, expr.argumentExpression);
  if (key === undefined || (t.isElementAccessExpression(expr) && /^\d+$/.test(key))) {
    // `tokens[i]`, `authorization.split(' ')[1]`: an element of a secret collection is a secret.
    const elementFlows = flowsOf(ctx, expr.expression, here, depth, seen);
    if (key === undefined && t.isElementAccessExpression(expr) && elementFlows.some(isHeaderBag))
      return computedHeaderFlows(ctx, expr, elementFlows, here);
    // `authorization.split(' ')[0]` is the scheme (`Bearer`, `Basic`), not the credential after it.
    return key === '0' && isWordSplit(ctx, expr.expression)
      ? elementFlows.filter((f) => f.source.kind !== AUTHORIZATION_KIND)
      : elementFlows;
  }
  if (key === 'length' || isStaticMemberName(ctx, expr, key)) return [];
  // `ctx.channel.token`: a bare `token` is judged with its owner's name (`channelToken` is a public routing id).
  const owner = calleeName(t, expr.expression);
  const c = classifyName(key === 'token' && owner !== undefined ? `${owner}.${key}` : key, options.classifier);
  if (c.isSecret && isTextTable(t, expr.expression)) return [];
  // `assistant.credential` declared as a `uuid` column: the id of a credentials row, not its data.
  if (c.isSecret && ctx.checker && isRecordReference(ctx, memberDeclaration(ctx.checker, expr))) return [];
  if (c.isSecret)
    return typeMayHoldSecret(ctx, expr)
      ? [{ source: { node: expr, name: shortText(expr), kind: c.kind ?? 'secret', reason: 'name' }, at: here }]
      : [];
  // Any other property of any object (`user.id`, `creds.user`, `req.body`) is not the secret itself.
  return [];
}

/** The declaration of the property a member access reads (`assistant.credential`), when the checker knows it. */
function memberDeclaration(
  checker: ts.TypeChecker,
  expr: ts.PropertyAccessExpression | ts.ElementAccessExpression,
): ts.Declaration | undefined {
  const symbol = checker.getSymbolAtLocation('name' in expr ? expr.name : expr.argumentExpression);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** Last words of an object's name that make it a table of UI text or messages, keyed by what they are about. */
const TEXT_TABLE_WORDS: ReadonlySet<string> = new Set([
  'messages',
  'msgs',
  'labels',
  'strings',
  'texts',
  'translations',
  'placeholders',
  'tooltips',
  'titles',
  'descriptions',
  'hints',
  'warnings',
  'errors',
]);

/**
 * `warningMessages.missingCredentials`, `labels.password`, `errors.password` (a form's field errors): a
 * field of a table of text is the text about a secret, never the secret.
 */
function isTextTable(t: FlowContext['ts'], receiver: ts.Expression): boolean {
  const path = accessPath(t, receiver);
  const last = path?.[path.length - 1];
  const word = last === undefined ? undefined : splitWords(stripCall(last)).at(-1);
  return word !== undefined && TEXT_TABLE_WORDS.has(word);
}

/** The source kind of an `Authorization` header value (see `isCredentialHeader` and the name classifier). */
const AUTHORIZATION_KIND = 'authorization';

/**
 * `x.split(' ')`: a split on a static whitespace separator. Only such a split puts an
 * authorization header's scheme alone in `[0]`; `raw.split(':')[0]` of an undecoded
 * `Basic dXNlcjpwYXNz` header is the whole header.
 */
function isWordSplit(ctx: FlowContext, expr: ts.Expression): boolean {
  const t = ctx.ts;
  const call = skipOuterExpressions(t, expr);
  if (!t.isCallExpression(call) || call.arguments.length === 0) return false;
  const callee = skipOuterExpressions(t, call.expression);
  if (!t.isPropertyAccessExpression(callee) || callee.name.text !== 'split') return false;
  const separator = staticString(t, call.arguments[0]!);
  return separator !== undefined && separator.length > 0 && separator.trim() === '';
}

/**
 * `req.body` as a whole, in a function that takes a secret-named field out of that same body
 * (`const { email, password } = req.body`, `req.body.password`): the request is a login, sign-up
 * or password change, and its body carries that secret. The field's kind, or undefined.
 */
function requestBodySecretField(ctx: FlowContext, expr: ts.Expression, path: readonly string[]): string | undefined {
  const t = ctx.ts;
  if (path.length < 2 || path[path.length - 1] !== 'body' || !REQUEST_RECEIVERS.includes(path[path.length - 2]!))
    return undefined;
  const scope = enclosingFunctionOrFile(t, expr);
  const bodyText = path.join('.');
  const samePath = (e: ts.Expression) => expandedPath(ctx, skipOuterExpressions(t, e))?.join('.') === bodyText;
  let kind: string | undefined;
  const secretKind = (key: string | undefined) => {
    const c = key === undefined ? undefined : classifyName(key, ctx.classifier);
    return c?.isSecret ? (c.kind ?? 'secret') : undefined;
  };
  forEachDescendant(t, scope, (node) => {
    if (
      t.isVariableDeclaration(node) &&
      t.isObjectBindingPattern(node.name) &&
      node.initializer &&
      samePath(node.initializer)
    ) {
      for (const element of node.name.elements) kind ??= secretKind(bindingElementKey(ctx, element));
    } else if (t.isPropertyAccessExpression(node) && node !== expr && samePath(node.expression)) {
      kind = secretKind(node.name.text);
    }
    return kind !== undefined ? 'stop' : undefined;
  });
  return kind;
}

/**
 * `SessionError.TRY_REFRESH_TOKEN`, `ConfigKey.CookieKeys`: a capitalized member of a PascalCase
 * class, enum or namespace names a constant (a type tag, an enum member), not a secret value.
 */
function isStaticMemberName(
  ctx: FlowContext,
  expr: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  key: string,
): boolean {
  const t = ctx.ts;
  const owner = skipOuterExpressions(t, expr.expression);
  // `Parse.Error.INVALID_SESSION_TOKEN`: the owner may itself be a member (a namespace's class).
  const ownerName = t.isIdentifier(owner)
    ? owner.text
    : t.isPropertyAccessExpression(owner)
      ? owner.name.text
      : undefined;
  return ownerName !== undefined && /^[A-Z](?=.*[a-z])/.test(ownerName) && /^[A-Z]/.test(key);
}

/** The kind `sourceOfPath` gives a request's whole header bag (`req.headers`). */
const HEADER_BAG_KIND = 'request headers';

/** The kind of one request header whose name the code computes (`req.headers[name.toLowerCase()]`): judged by name only. */
export const COMPUTED_HEADER_KIND = 'computed header';

const isHeaderBag = (f: ValueFlow): boolean => f.source.reason === 'header' && f.source.kind === HEADER_BAG_KIND;

/** Calls that change a header name's case only: `HEADER.toLowerCase()`. */
const CASE_METHODS: ReadonlySet<string> = new Set([
  'toLowerCase',
  'toLocaleLowerCase',
  'toUpperCase',
  'toLocaleUpperCase',
]);

/**
 * `req.headers[name]` with a computed name reads one header, not the bag: a credential header when
 * its name is known (a constant, an enum member's literal type, through `.toLowerCase()`), nothing
 * when the name is known and names no credential (`Idempotency-Key`), and, when the name is unknown,
 * a header the name alone cannot vouch for (reason `name`: medium in the checks that weigh evidence).
 */
function computedHeaderFlows(
  ctx: FlowContext,
  expr: ts.ElementAccessExpression,
  bagFlows: readonly ValueFlow[],
  here: ts.Node,
): ValueFlow[] {
  const others = bagFlows.filter((f) => !isHeaderBag(f));
  const name = computedKeyText(ctx, expr.argumentExpression);
  if (name !== undefined) {
    const c = isCredentialHeader(name, { classifier: ctx.classifier });
    const header: SecretSource = {
      node: expr,
      name: shortText(expr),
      kind: c?.kind ?? 'authorization',
      reason: 'header',
    };
    return c ? [...others, { source: header, at: here }] : others;
  }
  return [
    ...others,
    { source: { node: expr, name: shortText(expr), kind: COMPUTED_HEADER_KIND, reason: 'name' }, at: here },
  ];
}

/** The text of a computed key: a constant string or, with a checker, a string literal type, case-folded calls looked through. */
function computedKeyText(ctx: FlowContext, node: ts.Expression): string | undefined {
  const t = ctx.ts;
  let expr = skipOuterExpressions(t, node);
  while (
    t.isCallExpression(expr) &&
    expr.arguments.length === 0 &&
    t.isPropertyAccessExpression(expr.expression) &&
    CASE_METHODS.has(expr.expression.name.text)
  )
    expr = skipOuterExpressions(t, expr.expression.expression);
  const text = constString(t, expr);
  if (text !== undefined || !ctx.checker) return text;
  try {
    const type = ctx.checker.getTypeAtLocation(expr);
    return type.isStringLiteral() ? type.value : undefined;
  } catch {
    return undefined;
  }
}

/** Array methods whose result still holds only the elements of their receiver. */
const ELEMENT_KEEPING_METHODS = new Set([
  'sort',
  'filter',
  'slice',
  'reverse',
  'concat',
  'flat',
  'toSorted',
  'toReversed',
]);

/** Words of a constant's name that say it names a failure: `INVALID_ACCESS_TOKEN`, `TOKEN_EXPIRED`, `API_KEY_NOT_FOUND`. */
const FAILURE_WORDS: ReadonlySet<string> = new Set([
  'invalid',
  'expired',
  'missing',
  'incorrect',
  'wrong',
  'bad',
  'failed',
  'mismatch',
  'malformed',
  'revoked',
  'unauthorized',
  'forbidden',
  'denied',
  'required',
  'not',
]);

/**
 * A constant-case name with a failure word (`INVALID_AUTH_HEADER`, `INFRA_TOKEN_INVALID_TOKEN`) is an
 * error code or message, not a credential, even where its declaration cannot be seen (an import
 * through a path alias the program does not resolve). A credential constant names the credential
 * (`JWT_SECRET`, `STRIPE_API_KEY`), never its failure.
 */
function isFailureCodeName(name: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name) && name.split('_').some((w) => FAILURE_WORDS.has(w.toLowerCase()));
}

/**
 * A `const` whose initializer shows a value that is no secret whatever its name: a literal (the
 * constant `PASS = "All pinned."`; a secret literal is the hard-coded-secret check's finding, and
 * logging it leaks nothing the source does not), a count with a numeric fallback
 * (`const originalTokens = usage.total_tokens || 0`) or the property names of an object
 * (`const authKeys = Object.keys(authData).sort()`).
 */
function hasPlainInitializer(ctx: FlowContext, id: ts.Identifier): boolean {
  const t = ctx.ts;
  const decl = declarationOf(ctx, id);
  if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !constInitializer(t, decl)) return false;
  let init = skipOuterExpressions(t, decl.initializer);
  if (t.isStringLiteral(init) || t.isNoSubstitutionTemplateLiteral(init) || t.isNumericLiteral(init)) return true;
  // `const originalTokens = usage.total_tokens || 0`: a numeric fallback says the value is a count.
  if (
    t.isBinaryExpression(init) &&
    (init.operatorToken.kind === t.SyntaxKind.BarBarToken ||
      init.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken) &&
    t.isNumericLiteral(skipOuterExpressions(t, init.right))
  )
    return true;
  while (
    t.isCallExpression(init) &&
    t.isPropertyAccessExpression(init.expression) &&
    ELEMENT_KEEPING_METHODS.has(init.expression.name.text)
  ) {
    init = skipOuterExpressions(t, init.expression.expression);
  }
  if (!t.isCallExpression(init)) return false;
  const path = expandedPath(ctx, init.expression);
  return path !== undefined && path.join('.') === 'Object.keys';
}

function callFlows(
  ctx: FlowContext,
  call: ts.CallExpression,
  here: ts.Node,
  at: ts.Node | undefined,
  depth: number,
  seen: Seen,
): ValueFlow[] {
  const t = ctx.ts;
  if (isSanitizerCall(ctx, call) || isDisplayFormCall(ctx, call)) return [];
  const callee = skipOuterExpressions(t, call.expression);
  const method = calleeName(t, callee);
  const path = expandedPath(ctx, callee) ?? (method ? [method] : []);
  const receiver = t.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  const options = { classifier: ctx.classifier };
  const display = `${shortText(callee)}(…)`;

  if (receiver && method === SECRET_REVEAL_METHOD && call.arguments.length === 0) {
    return [
      { source: { node: call, name: `${shortText(callee)}()`, kind: 'revealed secret', reason: 'reveal' }, at: here },
    ];
  }
  if (isDecryptCallee(path) || (receiver && (method === 'update' || method === 'final') && isDecipher(ctx, receiver))) {
    return [{ source: { node: call, name: display, kind: 'decrypted value', reason: 'decrypt' }, at: here }];
  }
  const env = sourceOfEnv(t, call, ctx.checker, options);
  if (env) return [{ source: env, at: here }];
  const named = sourceOfNamedAccessor(t, call, options);
  if (named) return [{ source: named, at: here }];
  if (
    PASS_THROUGH_FUNCTIONS.some((entry) => matchesCallEntry(entry, path) && (entry.includes('.') || path.length === 1))
  ) {
    return call.arguments.flatMap((a) => flowsOf(ctx, t.isSpreadElement(a) ? a.expression : a, at, depth, seen));
  }
  if (
    receiver &&
    method &&
    (PASS_METHOD_SET.has(method) || (PREFIX_METHODS.has(method) && call.arguments.length <= 1))
  ) {
    // The transformed value as a whole is what leaks: `token.trim()` is reported (and wrapped) whole.
    const fromReceiver = flowsOf(ctx, receiver, here, depth, seen);
    return method === 'concat'
      ? [...fromReceiver, ...call.arguments.flatMap((a) => flowsOf(ctx, a, here, depth, seen))]
      : fromReceiver;
  }
  if (method) {
    const promised = accessorSecretName(method, options);
    // `getWebhookSubscriptionsKey(teamId)` whose body returns `` `whs:${teamId}` ``: a cache key, not a secret.
    if (promised && returnsOnlyText(ctx, callee, depth, seen)) return [];
    // A body the program holds that returns nothing secret (`getAllCredentials()` returning rows with
    // `encryptedData` omitted) leaves only the accessor's name: name evidence, not a promise kept.
    if (promised && returnsNothingSecret(ctx, callee, depth, seen))
      return [
        {
          source: { node: call, name: `${shortText(callee)}()`, kind: promised.kind ?? 'secret', reason: 'name' },
          at: here,
        },
      ];
    if (promised)
      return [
        {
          source: {
            node: call,
            name: `${shortText(callee)}()`,
            kind: promised.kind ?? 'secret',
            reason: 'returns-secret',
          },
          at: here,
        },
      ];
  }
  const fn = depth < ctx.maxDepth ? calledFunction(ctx, callee) : undefined;
  if (fn && !seen.has(fn)) {
    const returned = returnedSourcesAt(ctx, fn, depth + 1, new Set(seen).add(fn));
    // A function that returns a secret seen as such (an env read, a decrypted value) passes that
    // evidence on; one that only returns secret-named values is known by those names only.
    const first = returned.find((r) => r.reason !== 'name') ?? returned[0];
    if (first)
      return [
        {
          source: {
            node: call,
            name: `${shortText(callee)}()`,
            kind: first.kind,
            reason: first.reason === 'name' ? 'name' : 'returns-secret',
          },
          at: here,
        },
      ];
  }
  // `const bearer = (t) => `Bearer ${t}``: what the function returns of its arguments, unsanitized.
  if (fn && !seen.has(fn)) {
    const passed = returnedArguments(ctx, call, fn).flatMap((a) => flowsOf(ctx, a, here, depth + 1, seen));
    if (passed.length > 0) return passed;
  }
  // With a checker the declaration is known and its type is not boolean (see `isSafeByType`), so
  // a secret name alone (`jwtSecret()`, `dbPassword()`) promises a secret; only by name, since a
  // function named for a secret may as well check or format one (`password(value)`, a validator).
  const fnName = fn && ctx.checker && method ? classifyName(method, ctx.classifier) : undefined;
  if (fnName?.isSecret)
    return [
      {
        source: { node: call, name: `${shortText(callee)}()`, kind: fnName.kind ?? 'secret', reason: 'name' },
        at: here,
      },
    ];
  return [];
}

/**
 * A call of a helper named for a display form of a secret (`getDisplayCredential(key)`, `truncateToken(t)`):
 * its result is the masked form, unless the program shows its body returning something else than short
 * slices or masked copies of its parameters.
 */
function isDisplayFormCall(ctx: FlowContext, call: ts.CallExpression): boolean {
  const fn = displayFormCallee(ctx, call);
  return fn === 'unseen' || (fn !== undefined && returnsDisplayFormOnly(ctx, fn));
}

/** Per function: whether it returns its parameters only shortened or masked (see `isDisplayFormCall`). */
const DISPLAY_FORMS = new WeakMap<ts.FunctionLikeDeclaration, boolean>();

function returnsDisplayFormOnly(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): boolean {
  const known = DISPLAY_FORMS.get(fn);
  if (known !== undefined) return known;
  DISPLAY_FORMS.set(fn, false); // a recursive display helper is judged by its other returns
  const t = ctx.ts;
  const summaries = summaryStore(ctx).ctx;
  // Only shortened parameters: a secret of its own (`return process.env.DISPLAY_TOKEN`) is no display form.
  const only = returnedExpressions(t, fn).every((expr) =>
    valueSources(summaries, expr).every(
      (f) => parameterUseOf(summaries, f.source, fn) !== undefined && isShortenedForm(t, f.at),
    ),
  );
  DISPLAY_FORMS.set(fn, only);
  return only;
}

/**
 * With a checker: the first parameter of a callback handed to `Secret#use`, which receives the
 * plaintext (`apiKey.use((key) => log(key))`).
 */
function revealedParameter(ctx: FlowContext, param: ts.ParameterDeclaration): SecretSource | undefined {
  const t = ctx.ts;
  const fn = param.parent;
  if (!ctx.checker || fn.parameters[0] !== param || !(t.isArrowFunction(fn) || t.isFunctionExpression(fn)))
    return undefined;
  const call = fn.parent;
  if (!t.isCallExpression(call) || call.arguments[0] !== fn || !t.isPropertyAccessExpression(call.expression))
    return undefined;
  if (call.expression.name.text !== SECRET_USE_METHOD) return undefined;
  let type: ts.Type;
  try {
    type = ctx.checker.getTypeAtLocation(call.expression.expression);
  } catch {
    return undefined;
  }
  if (!isSecretWrapperType(t, type)) return undefined;
  return { node: param, name: `${shortText(call.expression)}(…)`, kind: 'revealed secret', reason: 'reveal' };
}

/** True for `decipher` objects: named so, or made by `createDecipheriv(...)`. */
function isDecipher(ctx: FlowContext, receiver: ts.Expression): boolean {
  const t = ctx.ts;
  const root = rootIdentifier(ctx, receiver);
  if (root && /decipher/i.test(root.text)) return true;
  const origin = originOf(ctx, receiver);
  if (!t.isCallExpression(origin)) return false;
  const name = calleeName(t, origin.expression);
  return name !== undefined && DECIPHER_FACTORIES.includes(name);
}

function returnedSourcesAt(
  ctx: FlowContext,
  fn: ts.FunctionLikeDeclaration,
  depth: number,
  seen: Seen,
): SecretSource[] {
  const cached = ctx.cache.get(fn) as SecretSource[] | undefined;
  if (cached) return cached;
  const t = ctx.ts;
  const body = fn.body;
  if (!body) return [];
  const returned: ts.Expression[] = [];
  if (!t.isBlock(body)) {
    returned.push(body as ts.Expression);
  } else {
    forEachDescendant(t, body, (node) => {
      if (isFunctionLike(t, node) || t.isClassLike(node)) return 'skip';
      if (t.isReturnStatement(node) && node.expression) returned.push(node.expression);
    });
  }
  // The function's own parameters are what callers pass in, not secrets it hands out:
  // `const clean = (token) => token.trim()` returns a secret only when called with one.
  const sources = returned
    .flatMap((r) => flowsOf(ctx, r, undefined, depth, seen))
    .map((f) => f.source)
    .filter((s) => !isParameterOf(ctx, s.node, fn));
  ctx.cache.set(fn, sources);
  return sources;
}

/**
 * The called function is visible and every value it returns is text the code spells out: a string
 * literal, or a template whose interpolations carry no secret (`` `whs:${teamId}` ``). Its name then
 * promises nothing: the body shows what it returns.
 */
/**
 * The callee's body is in the program, returns something, and nothing it returns carries a secret
 * (`getAllForFrontEnd()` mapping stored credentials to their last four characters).
 */
export function callReturnsNothingSecret(ctx: FlowContext, callee: ts.Expression): boolean {
  return returnsNothingSecret(ctx, callee, 0, new Set());
}

/** The callee's body is in the program, returns something, and nothing it returns carries a secret. */
function returnsNothingSecret(ctx: FlowContext, callee: ts.Expression, depth: number, seen: Seen): boolean {
  const t = ctx.ts;
  const fn = depth < ctx.maxDepth ? calledFunction(ctx, callee) : undefined;
  if (!fn?.body || seen.has(fn)) return false;
  const returnsValue =
    !t.isBlock(fn.body) ||
    forEachDescendant(t, fn.body, (node) => {
      if (isFunctionLike(t, node) || t.isClassLike(node)) return 'skip';
      return t.isReturnStatement(node) && node.expression ? 'stop' : undefined;
    }) === true;
  return returnsValue && returnedSourcesAt(ctx, fn, depth + 1, new Set(seen).add(fn)).length === 0;
}

function returnsOnlyText(ctx: FlowContext, callee: ts.Expression, depth: number, seen: Seen): boolean {
  const t = ctx.ts;
  const fn = depth < ctx.maxDepth ? calledFunction(ctx, callee) : undefined;
  if (!fn?.body || seen.has(fn)) return false;
  const returned: ts.Expression[] = [];
  if (!t.isBlock(fn.body)) returned.push(fn.body as ts.Expression);
  else
    forEachDescendant(t, fn.body, (node) => {
      if (isFunctionLike(t, node) || t.isClassLike(node)) return 'skip';
      if (t.isReturnStatement(node) && node.expression) returned.push(node.expression);
    });
  const inner = new Set(seen).add(fn);
  const clean = (e: ts.Expression) => flowsOf(ctx, e, undefined, depth + 1, inner).length === 0;
  const isText = (r: ts.Expression): boolean => {
    const expr = skipOuterExpressions(t, r);
    if (t.isStringLiteral(expr) || t.isNoSubstitutionTemplateLiteral(expr)) return true;
    if (t.isTemplateExpression(expr)) return expr.templateSpans.every((span) => clean(span.expression));
    // `'sess:' + id`: a literal prefix joined to values that carry no secret.
    return (
      t.isBinaryExpression(expr) &&
      expr.operatorToken.kind === t.SyntaxKind.PlusToken &&
      (isText(expr.left) || isText(expr.right)) &&
      [expr.left, expr.right].every((side) => isText(side) || clean(side))
    );
  };
  return returned.length > 0 && returned.every(isText);
}

function isParameterOf(ctx: FlowContext, node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  const t = ctx.ts;
  // A summary's parameter source is the declaration or binding element itself.
  let decl: ts.Node | undefined = t.isIdentifier(node)
    ? declarationOf(ctx, node)
    : t.isBindingElement(node) || t.isParameter(node)
      ? node
      : undefined;
  while (decl && t.isBindingElement(decl)) decl = decl.parent.parent;
  return decl !== undefined && t.isParameter(decl) && decl.parent === fn;
}

/** With a checker: values that cannot carry a secret by type (booleans, void) or print redacted (`Secret`). */
function isSafeByType(ctx: FlowContext, expr: ts.Expression): boolean {
  const checker = ctx.checker;
  if (!checker) return false;
  const t = ctx.ts;
  let type: ts.Type;
  try {
    type = checker.getTypeAtLocation(expr);
  } catch {
    return false;
  }
  if (
    type.flags &
    (t.TypeFlags.BooleanLike | t.TypeFlags.VoidLike | t.TypeFlags.Null | t.TypeFlags.Never | t.TypeFlags.EnumLike)
  )
    return true;
  if (isSecretWrapperType(t, type)) return true;
  if (!mayBeThenable(t, type)) return false; // awaiting it gives the same type, already tested
  const awaited = checker.getAwaitedType?.(type);
  return awaited !== undefined && awaited !== type && isSecretWrapperType(t, awaited);
}

/**
 * False when awaiting a value of this type yields the type itself: primitives and object types
 * without a `then` member. Asking the checker for the awaited type costs more than this test.
 */
function mayBeThenable(t: FlowContext['ts'], type: ts.Type): boolean {
  const F = t.TypeFlags;
  if (type.flags & (F.StringLike | F.NumberLike | F.BigIntLike | F.Any | F.Unknown | F.Undefined | F.ESSymbolLike))
    return false;
  if (type.flags & F.Object) return type.getProperty('then') !== undefined;
  return true;
}

/** Object types that hold raw secret material whatever their properties: bytes and key objects. */
const RAW_MATERIAL_TYPES = new Set([
  'Buffer',
  'Uint8Array',
  'ArrayBuffer',
  'String',
  'KeyObject',
  'CryptoKey',
  'URL',
  'URLSearchParams',
  'Headers',
  'Map',
]);

/**
 * With a checker, whether a value whose name says "secret" can hold one by its type. Strings,
 * numbers, bytes, `any` and objects with a secret-named or content property (`value`, `raw`) can;
 * records without one (a lexer `Token { kind, pos }`, a `Session { id, expiresAt }`, a decoded
 * `JwtPayload { sub, exp }`, an `ApiKey { id, prefix, hashedKey }`) and functions cannot. Without a
 * checker: true.
 */
export function typeMayHoldSecret(ctx: FlowContext, expr: ts.Expression): boolean {
  const checker = ctx.checker;
  if (!checker) return true;
  try {
    return mayHoldSecret(ctx, checker, checker.getTypeAtLocation(expr), 0);
  } catch {
    return true;
  }
}

function mayHoldSecret(ctx: FlowContext, checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  const t = ctx.ts;
  const F = t.TypeFlags;
  if (type.flags & (F.BooleanLike | F.VoidLike | F.Null | F.Never | F.EnumLike | F.ESSymbolLike)) return false;
  // A union of literal types (`'access' | 'refresh'`) names a kind of token, not a token. One literal
  // type stays: a `const` holding a hard-coded password is still that password when compared.
  if (type.isUnion() && isLiteralUnion(t, type)) return false;
  if (type.isUnion() || type.isIntersection()) return type.types.some((m) => mayHoldSecret(ctx, checker, m, depth));
  if (!(type.flags & F.Object) || depth > 2) return true;
  if (isSecretWrapperType(t, type)) return false;
  const name = (type.getSymbol() ?? type.aliasSymbol)?.getName();
  if (name !== undefined && RAW_MATERIAL_TYPES.has(name)) return true;
  const args =
    checker.isArrayType(type) || checker.isTupleType(type)
      ? checker.getTypeArguments(type as ts.TypeReference)
      : undefined;
  if (args) return args.some((a) => mayHoldSecret(ctx, checker, a, depth + 1));
  const awaited = checker.getAwaitedType(type);
  if (awaited && awaited !== type) return mayHoldSecret(ctx, checker, awaited, depth + 1);
  const index = type.getStringIndexType();
  if (index) return mayHoldSecret(ctx, checker, index, depth + 1);
  const props = type.getProperties();
  if (props.length === 0) return type.getCallSignatures().length === 0; // `{}`/`object` may; a function does not
  // A secret-named field counts when its own type can hold one: fetch's `Request.credentials` is
  // `'include' | 'omit' | 'same-origin'`, a mode, not a credential.
  return props.some(
    (p) =>
      CONTENT_MEMBERS.has(p.getName()) ||
      (classifyName(p.getName(), ctx.classifier).isSecret && !isLiteralUnion(t, checker.getTypeOfSymbol(p))),
  );
}

/** A union of literal types (`'include' | 'omit'`) or a boolean: a choice among values the program spells out. */
function isLiteralUnion(t: FlowContext['ts'], type: ts.Type): boolean {
  const F = t.TypeFlags;
  if (type.flags & F.BooleanLike) return true;
  return (
    type.isUnion() && type.types.every((m) => m.flags & (F.StringLiteral | F.NumberLiteral | F.Null | F.Undefined))
  );
}

/**
 * With a checker: an object handed over whole (`JSON.stringify(dto)`, `logger.info(dto)`) whose
 * type has a secret-named string property (`LoginDto { username; password: string }`) carries
 * that secret. Not in a template span, where an object prints as `[object Object]`; not for
 * bytes, arrays, functions or the crypto core's `Secret`.
 */
function secretFieldFlows(ctx: FlowContext, expr: ts.Expression, here: ts.Node): ValueFlow[] {
  const checker = ctx.checker;
  const t = ctx.ts;
  if (!checker || t.isTemplateSpan(expr.parent)) return [];
  try {
    const type = checker.getTypeAtLocation(expr);
    if (
      !(type.flags & t.TypeFlags.Object) ||
      isSecretWrapperType(t, type) ||
      checker.isArrayType(type) ||
      checker.isTupleType(type)
    )
      return [];
    const name = (type.getSymbol() ?? type.aliasSymbol)?.getName();
    if (name !== undefined && RAW_MATERIAL_TYPES.has(name)) return [];
    if (type.getCallSignatures().length > 0) return [];
    for (const prop of type.getProperties()) {
      const c = classifyName(prop.getName(), ctx.classifier);
      const propType = checker.getTypeOfSymbolAtLocation(prop, expr);
      if (!c.isSecret || !isStringTyped(t, propType) || isLiteralUnion(t, propType)) continue;
      if (isRecordReference(ctx, prop.valueDeclaration)) continue;
      return [
        {
          source: {
            node: expr,
            name: `${shortText(expr)}.${prop.getName()}`,
            kind: c.kind ?? 'secret',
            reason: 'name',
          },
          at: here,
        },
      ];
    }
  } catch {
    return [];
  }
  return [];
}

/**
 * `const config = { stripeKey: redact(key) }`: an object built by a literal here was followed
 * field by field, so its type (`stripeKey: string`) says nothing more.
 */
function isTracedObject(ctx: FlowContext, id: ts.Identifier): boolean {
  const t = ctx.ts;
  if (!ctx.checker) return true; // the type fallback needs a checker anyway
  const decl = declarationOf(ctx, id);
  return (
    decl !== undefined &&
    t.isVariableDeclaration(decl) &&
    decl.initializer !== undefined &&
    t.isObjectLiteralExpression(skipOuterExpressions(t, decl.initializer))
  );
}

/** A string, or a union with a string member (`string | undefined`). */
function isStringTyped(t: FlowContext['ts'], type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some((m) => isStringTyped(t, m));
  return (type.flags & t.TypeFlags.StringLike) !== 0;
}

function isNumberTyped(ctx: FlowContext, expr: ts.Expression): boolean {
  if (!ctx.checker) return false;
  try {
    return (ctx.checker.getTypeAtLocation(expr).flags & ctx.ts.TypeFlags.NumberLike) !== 0;
  } catch {
    return false;
  }
}

// Pass-through helpers (function summaries): here, beside value flow, because each needs the other.

/**
 * The parameters a function hands back in its return value, unsanitized: `(t) => `Bearer ${t}``,
 * `(token) => token.trim()`, `(key) => ({ key })` return their parameter; `(pw) => hash(pw)` and
 * `(t) => t.length` do not. Computed once per declaration and program (see `./store.ts`).
 */
export function returnedParameters(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): readonly ParameterUse[] {
  const store = summaryStore(ctx);
  return memoized(store, store.returns as WeakMap<ts.Node, readonly ParameterUse[]>, fn, () => {
    const uses = new Map<string, ParameterUse>();
    for (const expr of returnedExpressions(ctx.ts, fn)) {
      for (const flow of valueSources(store.ctx, expr)) {
        const use = parameterUseOf(store.ctx, flow.source, fn);
        if (use) uses.set(`${use.index}.${use.key ?? ''}`, use);
      }
    }
    return [...uses.values()];
  });
}

/** The arguments of a call that its callee `fn` returns (see `returnedParameters`). */
export function returnedArguments(
  ctx: FlowContext,
  call: ts.CallExpression,
  fn: ts.FunctionLikeDeclaration,
): ts.Expression[] {
  if (call.arguments.length === 0 || fn.parameters.length === 0 || !isProjectFunction(fn)) return [];
  return returnedParameters(ctx, fn).flatMap((use) => argumentFor(ctx.ts, call, use) ?? []);
}
