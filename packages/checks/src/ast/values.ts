import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { constInitializer, resolveIdentifier } from './scope.js';
import { propertyNameText, skipOuterExpressions, staticString } from './syntax.js';

/*
 * Values known without running the code, also through `const` variables: what option objects,
 * algorithm names and cost parameters are. Lexical on purpose (no checker): a `const` in this
 * file is what the reader sees.
 */

/** An object literal given directly or through a `const` (`const opts = { … }; f(opts)`). */
export function objectLiteralOf(t: TypeScript, node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let expr = skipOuterExpressions(t, node);
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    if (!init) return undefined;
    expr = skipOuterExpressions(t, init);
  }
  return t.isObjectLiteralExpression(expr) ? expr : undefined;
}

/** The value of property `name` of an object literal (given directly or through a `const`); a shorthand gives its identifier. */
export function objectPropertyValue(t: TypeScript, node: ts.Expression, name: string): ts.Expression | undefined {
  const object = objectLiteralOf(t, node);
  if (!object) return undefined;
  for (const prop of object.properties) {
    if (t.isPropertyAssignment(prop) && propertyNameText(t, prop.name) === name) return prop.initializer;
    if (t.isShorthandPropertyAssignment(prop) && prop.name.text === name) return prop.name;
  }
  return undefined;
}

/** A string known statically (see `staticString`), also through `const` variables. */
export function constString(t: TypeScript, node: ts.Expression, depth = 0): string | undefined {
  const expr = skipOuterExpressions(t, node);
  const direct = staticString(t, expr);
  if (direct !== undefined || depth > 8) return direct;
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    return init ? constString(t, init, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * A number known statically: literals (`100_000`, `1e6`, `0x10001`), `-x`, `+ - * / ** <<` of
 * known numbers, `const` variables, and `obj.prop` of a `const` object literal.
 */
export function staticNumber(t: TypeScript, node: ts.Expression, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const expr = skipOuterExpressions(t, node);
  if (t.isNumericLiteral(expr)) return Number(expr.text.replace(/_/g, ''));
  if (t.isPrefixUnaryExpression(expr) && expr.operator === t.SyntaxKind.MinusToken) {
    const v = staticNumber(t, expr.operand, depth + 1);
    return v === undefined ? undefined : -v;
  }
  if (t.isBinaryExpression(expr)) {
    const a = staticNumber(t, expr.left, depth + 1);
    const b = a === undefined ? undefined : staticNumber(t, expr.right, depth + 1);
    if (a === undefined || b === undefined) return undefined;
    const k = t.SyntaxKind;
    switch (expr.operatorToken.kind) {
      case k.AsteriskToken:
        return a * b;
      case k.AsteriskAsteriskToken:
        return a ** b;
      case k.PlusToken:
        return a + b;
      case k.MinusToken:
        return a - b;
      case k.SlashToken:
        return a / b;
      case k.LessThanLessThanToken:
        return a << b;
      default:
        return undefined;
    }
  }
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    return init ? staticNumber(t, init, depth + 1) : undefined;
  }
  if (t.isPropertyAccessExpression(expr)) {
    const value = objectPropertyValue(t, expr.expression, expr.name.text);
    return value ? staticNumber(t, value, depth + 1) : undefined;
  }
  return undefined;
}

/** Words of a key or name that say a value is deliberately shortened for display (`apiKeyLast4`, `tokenHint`). */
export const DISPLAY_SHORTENED_WORDS: ReadonlySet<string> = new Set([
  'last',
  'last4',
  'suffix',
  'prefix',
  'hint',
  'masked',
  'preview',
  'redacted',
  'tail',
]);

/**
 * True for a short slice meant for display: `x.slice(-4)`, `x.substring(0, 6)`, `x.substr(-4)`
 * (at most `max` characters). `x.slice(7)` (strip a `Bearer ` prefix) is not short.
 */
export function isShortSlice(t: TypeScript, node: ts.Node, max = 8): boolean {
  if (!t.isCallExpression(node) || !t.isPropertyAccessExpression(node.expression)) return false;
  const method = node.expression.name.text;
  if (method !== 'slice' && method !== 'substring' && method !== 'substr') return false;
  const [a, b] = node.arguments;
  const start = a ? staticNumber(t, a) : undefined;
  const end = b ? staticNumber(t, b) : undefined;
  if (start !== undefined && start < 0 && start >= -max && end === undefined) return true;
  return start !== undefined && end !== undefined && start >= 0 && end - start <= max;
}
