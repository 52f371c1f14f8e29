import type * as ts from 'typescript';
import { forEachDescendant, isFunctionLike, propertyNameText, skipOuterExpressions } from '../../ast/index.js';
import type { TypeScript } from '../../check.js';
import { bindingElementKey } from '../aliases.js';
import type { FlowContext } from '../context.js';

/** A parameter of a summarized function: its position, and the field taken out of it (`({ token }) => …`). */
export interface ParameterUse {
  /** Position among the parameters a caller passes (a TypeScript `this` parameter is not one). */
  readonly index: number;
  /** The field destructured from the parameter, when only that field is used. */
  readonly key?: string;
}

/** The parameter of `fn` a summary source (reason `parameter`) stands for; undefined for any other source. */
export function parameterUseOf(
  ctx: FlowContext,
  source: { readonly reason: string; readonly node: ts.Node },
  fn: ts.SignatureDeclaration,
): ParameterUse | undefined {
  const t = ctx.ts;
  if (source.reason !== 'parameter') return undefined;
  const element = t.isBindingElement(source.node) ? source.node : undefined;
  const parameter = element ? element.parent.parent : source.node;
  if (!t.isParameter(parameter) || parameter.parent !== fn || parameter.dotDotDotToken) return undefined;
  const index = callerParameters(t, fn).indexOf(parameter);
  if (index < 0) return undefined;
  if (!element) return { index };
  const key = bindingElementKey(ctx, element);
  return key === undefined ? undefined : { index, key };
}

/** The parameters a caller fills, in order: without a TypeScript `this` parameter. */
export function callerParameters(t: TypeScript, fn: ts.SignatureDeclaration): readonly ts.ParameterDeclaration[] {
  const first = fn.parameters[0];
  return first && t.isIdentifier(first.name) && first.name.text === 'this' ? fn.parameters.slice(1) : fn.parameters;
}

/**
 * The expression a call passes for a parameter use: the argument, or for a destructured field the
 * value given under that key in an object literal (`send({ token: t })`). Undefined when a spread
 * comes first (positions are unknown) or the field is not given literally.
 */
export function argumentFor(
  t: TypeScript,
  call: ts.CallExpression | ts.NewExpression,
  use: ParameterUse,
): ts.Expression | undefined {
  const args = call.arguments ?? [];
  if (args.slice(0, use.index + 1).some((a) => t.isSpreadElement(a))) return undefined;
  const arg = args[use.index];
  if (!arg || use.key === undefined) return arg;
  const object = skipOuterExpressions(t, arg);
  if (!t.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (property.name && propertyNameText(t, property.name) !== use.key) continue;
    if (t.isPropertyAssignment(property)) return property.initializer;
    if (t.isShorthandPropertyAssignment(property)) return property.name;
  }
  return undefined;
}

/**
 * Every expression `argumentFor` may answer for the call, whatever the parameter use: the arguments,
 * and the values given in object literals among them. A call none of these carry anything through
 * passes nothing to any parameter.
 */
export function passedExpressions(t: TypeScript, call: ts.CallExpression | ts.NewExpression): ts.Expression[] {
  const found: ts.Expression[] = [];
  for (const arg of call.arguments ?? []) {
    if (t.isSpreadElement(arg)) break; // later positions are unknown (see `argumentFor`)
    found.push(arg);
    const object = skipOuterExpressions(t, arg);
    if (!t.isObjectLiteralExpression(object)) continue;
    for (const property of object.properties) {
      if (t.isPropertyAssignment(property)) found.push(property.initializer);
      else if (t.isShorthandPropertyAssignment(property)) found.push(property.name);
    }
  }
  return found;
}

/**
 * False when `expr` surely carries none of `fn`'s parameters: it mentions no name `fn` binds or
 * assigns (parameters, its variables and functions, `x = p` and `x.key = p` targets). Value flow
 * reaches a parameter only through such names, so this syntactic test can skip a costlier one.
 */
export function mayCarryParameterOf(t: TypeScript, expr: ts.Expression, fn: ts.FunctionLikeDeclaration): boolean {
  const names = namesBoundIn(t, fn);
  if (t.isIdentifier(expr)) return names.has(expr.text);
  let found = false;
  forEachDescendant(t, expr, (node) => {
    if (t.isIdentifier(node) && names.has(node.text)) found = true;
    return found ? 'stop' : undefined;
  });
  return found;
}

const boundNames = new WeakMap<ts.Node, ReadonlySet<string>>();

/** The names a function (with everything nested in it) declares, and every name in what it assigns to. */
function namesBoundIn(t: TypeScript, fn: ts.FunctionLikeDeclaration): ReadonlySet<string> {
  const cached = boundNames.get(fn);
  if (cached) return cached;
  const names = new Set<string>();
  const addAll = (node: ts.Node): void => {
    if (t.isIdentifier(node)) names.add(node.text);
    forEachDescendant(t, node, (inner) => void (t.isIdentifier(inner) && names.add(inner.text)));
  };
  const k = t.SyntaxKind;
  forEachDescendant(t, fn, (node) => {
    if (
      (t.isVariableDeclaration(node) ||
        t.isParameter(node) ||
        t.isBindingElement(node) ||
        t.isFunctionDeclaration(node) ||
        t.isFunctionExpression(node) ||
        t.isClassLike(node)) &&
      node.name
    )
      addAll(node.name);
    else if (
      t.isBinaryExpression(node) &&
      node.operatorToken.kind >= k.FirstAssignment &&
      node.operatorToken.kind <= k.LastAssignment
    )
      addAll(node.left);
    else if ((t.isForOfStatement(node) || t.isForInStatement(node)) && !t.isVariableDeclarationList(node.initializer))
      addAll(node.initializer);
  });
  boundNames.set(fn, names);
  return names;
}

/** What a function returns: its `return` expressions (not those of nested functions), or an arrow's expression body. */
export function returnedExpressions(t: TypeScript, fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!t.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  forEachDescendant(t, body, (node) => {
    if (isFunctionLike(t, node) || t.isClassLike(node)) return 'skip';
    if (t.isReturnStatement(node) && node.expression) found.push(node.expression);
  });
  return found;
}

/**
 * A function whose body summaries read: one of the project's own. Libraries (declaration files, and
 * JavaScript under `node_modules` when a program allows it) are the catalogs' business.
 */
export function isProjectFunction(fn: ts.Node): boolean {
  return isProjectFile(fn.getSourceFile());
}

/** A file of the project's own code: no declaration file, nothing under `node_modules`. */
export function isProjectFile(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(file.fileName);
}
