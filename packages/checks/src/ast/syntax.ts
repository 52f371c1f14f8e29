import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function skipOuterExpressions(t: TypeScript, node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      t.isParenthesizedExpression(current) ||
      t.isAsExpression(current) ||
      t.isSatisfiesExpression(current) ||
      t.isNonNullExpression(current) ||
      t.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The outermost node that wraps `node` without changing its value (the inverse of `skipOuterExpressions`). */
export function outermostWrapper(t: TypeScript, node: ts.Node): ts.Node {
  let current = node;
  while (
    current.parent &&
    (t.isParenthesizedExpression(current.parent) ||
      t.isAsExpression(current.parent) ||
      t.isSatisfiesExpression(current.parent) ||
      t.isNonNullExpression(current.parent) ||
      t.isTypeAssertionExpression(current.parent))
  ) {
    current = current.parent;
  }
  return current;
}

/** The static text of a property name or key: `a`, `'a'`, `1`, `#a`, `['a']`. */
export function propertyNameText(t: TypeScript, name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (t.isIdentifier(name) || t.isPrivateIdentifier(name)) return name.text;
  if (t.isStringLiteralLike(name) || t.isNumericLiteral(name)) return name.text;
  if (t.isComputedPropertyName(name)) return staticString(t, name.expression);
  return undefined;
}

/** The value of an expression that is a string known without running it. */
export function staticString(t: TypeScript, node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(t, node);
  if (t.isStringLiteralLike(expr)) return expr.text;
  if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken) {
    const left = staticString(t, expr.left);
    const right = left === undefined ? undefined : staticString(t, expr.right);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  if (t.isTemplateExpression(expr)) {
    let text = expr.head.text;
    for (const span of expr.templateSpans) {
      const part = staticString(t, span.expression);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }
  return undefined;
}

/**
 * The static path of a member chain: `console.log` -> ["console", "log"],
 * `this.logger.info` -> ["this", "logger", "info"], `req.headers['authorization']` ->
 * ["req", "headers", "authorization"], `getLogger().info` -> ["getLogger()", "info"].
 * Undefined when a segment is computed from a non-constant.
 */
export function accessPath(t: TypeScript, node: ts.Expression): string[] | undefined {
  const path: string[] = [];
  return appendAccessPath(t, node, path) ? path : undefined;
}

/** Pushes the segments of `node`'s access path onto `path`; false when it has none. One array, no copies per segment. */
function appendAccessPath(t: TypeScript, node: ts.Expression, path: string[]): boolean {
  const expr = skipOuterExpressions(t, node);
  if (t.isIdentifier(expr)) {
    path.push(expr.text);
    return true;
  }
  if (expr.kind === t.SyntaxKind.ThisKeyword || expr.kind === t.SyntaxKind.SuperKeyword) {
    path.push(expr.kind === t.SyntaxKind.ThisKeyword ? 'this' : 'super');
    return true;
  }
  if (t.isMetaProperty(expr)) {
    path.push(`${t.tokenToString(expr.keywordToken)}.${expr.name.text}`);
    return true;
  }
  if (t.isPropertyAccessExpression(expr)) {
    if (!appendAccessPath(t, expr.expression, path)) return false;
    path.push(expr.name.text);
    return true;
  }
  if (t.isElementAccessExpression(expr)) {
    const key = staticString(t, expr.argumentExpression);
    if (key === undefined || !appendAccessPath(t, expr.expression, path)) return false;
    path.push(key);
    return true;
  }
  if (t.isCallExpression(expr)) {
    if (!appendAccessPath(t, expr.expression, path) || path.length === 0) return false;
    path[path.length - 1] = `${path[path.length - 1]}()`;
    return true;
  }
  return false;
}

/** The last segment's name of a callee or member: `a.b.c()` -> "c", `f()` -> "f". */
export function calleeName(t: TypeScript, callee: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(t, callee);
  if (t.isIdentifier(expr)) return expr.text;
  if (t.isPropertyAccessExpression(expr)) return expr.name.text;
  if (t.isElementAccessExpression(expr)) return staticString(t, expr.argumentExpression);
  return undefined;
}

/** The name a value is bound to or stored under, for messages and classification. */
export function bindingTargetName(t: TypeScript, node: ts.Node): string | undefined {
  if (t.isVariableDeclaration(node) || t.isParameter(node) || t.isBindingElement(node)) {
    if (t.isIdentifier(node.name)) return node.name.text;
    return undefined;
  }
  if (t.isPropertyAssignment(node) || t.isPropertyDeclaration(node) || t.isShorthandPropertyAssignment(node)) {
    return propertyNameText(t, node.name);
  }
  return undefined;
}

/** True for function-like nodes whose body starts a new variable scope. */
export function isFunctionLike(t: TypeScript, node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    t.isFunctionDeclaration(node) ||
    t.isFunctionExpression(node) ||
    t.isArrowFunction(node) ||
    t.isMethodDeclaration(node) ||
    t.isConstructorDeclaration(node) ||
    t.isGetAccessorDeclaration(node) ||
    t.isSetAccessorDeclaration(node)
  );
}

/** The nearest enclosing function, or the source file for top-level code. */
export function enclosingFunctionOrFile(t: TypeScript, node: ts.Node): ts.FunctionLikeDeclaration | ts.SourceFile {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (isFunctionLike(t, current) || t.isSourceFile(current)) return current;
    current = current.parent;
  }
  return node.getSourceFile();
}

/** True when the node sits at module level, outside every function (it runs once per process). */
export function isModuleLevel(t: TypeScript, node: ts.Node): boolean {
  return t.isSourceFile(enclosingFunctionOrFile(t, node));
}

/** What a `forEachDescendant` visitor returns: nothing to go on, `skip` to leave out the node's children, `stop` to end the walk. */
export type WalkStep = void | undefined | 'skip' | 'stop';

/**
 * Visits every node below `root` (not `root` itself), parents before children, children in source
 * order, with a loop and an explicit stack: generated code nests thousands deep, and a recursive walk
 * (one call per level) overflows the stack. True when a visitor stopped the walk.
 */
export function forEachDescendant(t: TypeScript, root: ts.Node, visit: (node: ts.Node) => WalkStep): boolean {
  const stack: ts.Node[] = [];
  const children: ts.Node[] = [];
  // forEachChild stops at a truthy return: the callback returns nothing.
  const collect = (child: ts.Node): void => void children.push(child);
  const pushChildren = (node: ts.Node): void => {
    t.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    children.length = 0;
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const step = visit(node);
    if (step === 'stop') return true;
    if (step !== 'skip') pushChildren(node);
  }
  return false;
}

/** The source text of a node for messages, cut to one short line. */
export function shortText(node: ts.Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
