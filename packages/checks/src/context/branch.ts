import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { accessPath, skipOuterExpressions, staticString } from '../ast/index.js';
import { splitWords } from '../names/index.js';

/**
 * Words of a flag or call that limits code to development, tests or a simulation: `isDev`,
 * `isIntegrationTest()`, `DEV_MODE`, `isSimulation` (an onboarding demo that fakes what the API would return).
 */
const DEV_OR_TEST_WORDS = new Set([
  'dev',
  'development',
  'test',
  'tests',
  'testing',
  'e2e',
  'mock',
  'mocked',
  'simulation',
  'simulated',
  'simulate',
]);
/** Values a mode variable is compared with to mean development or tests (`NODE_ENV === 'development'`, `AUTH_PROVIDER === 'local'`). */
const DEV_OR_TEST_VALUES = new Set(['dev', 'development', 'test', 'testing', 'local', 'e2e']);

/**
 * True when `node` only runs in development or tests: it sits in the `then` branch of an `if` (or the
 * true branch of `?:`) whose condition says so: a flag or call named for it (`isDev`,
 * `isIntegrationTest()`), `NODE_ENV === 'development'`, `mode !== 'production'`, or an `&&` of such.
 * A negated condition or the `else` branch does not count.
 */
export function inDevOrTestOnlyBranch(t: TypeScript, node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (t.isIfStatement(parent) && parent.thenStatement === child && isDevOrTestCondition(t, parent.expression))
      return true;
    if (t.isConditionalExpression(parent) && parent.whenTrue === child && isDevOrTestCondition(t, parent.condition))
      return true;
    if (
      t.isBinaryExpression(parent) &&
      parent.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child &&
      isDevOrTestCondition(t, parent.left)
    )
      return true;
  }
  return false;
}

function isDevOrTestCondition(t: TypeScript, condition: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, condition);
  if (t.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === t.SyntaxKind.AmpersandAmpersandToken)
      return isDevOrTestCondition(t, expr.left) || isDevOrTestCondition(t, expr.right);
    const equal = op === t.SyntaxKind.EqualsEqualsEqualsToken || op === t.SyntaxKind.EqualsEqualsToken;
    const unequal = op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !unequal) return false;
    const value = staticString(t, expr.right) ?? staticString(t, expr.left);
    if (value === undefined) return false;
    return equal ? DEV_OR_TEST_VALUES.has(value.toLowerCase()) : value.toLowerCase() === 'production';
  }
  const target = t.isCallExpression(expr) ? skipOuterExpressions(t, expr.expression) : expr;
  const path = accessPath(t, target);
  const last = path?.[path.length - 1];
  return last !== undefined && splitWords(last.replace(/\(\)$/, '')).some((w) => DEV_OR_TEST_WORDS.has(w));
}
