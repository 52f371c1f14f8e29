import type * as ts from 'typescript';
import { defineCheck, type TextEdit, type TypeScript } from '../check.js';
import { bindingTargetName, resolveIdentifier, skipOuterExpressions, staticString } from '../ast/index.js';
import { envBindingRead, envReadOf, type EnvRead } from '../catalogs/env.js';
import { classifyName } from '../names/index.js';
import { detectSecretLiteral } from '../literals/index.js';

export interface NoEnvFallbackOptions {
  /** Flag defaults for every environment variable, not only secret-named ones. */
  readonly checkAllVariables: boolean;
  /** The function the suggestion calls instead of the default, e.g. `requireEnv('JWT_SECRET')`. */
  readonly requiredEnvHelper: string;
  /** Variables whose defaults are never flagged, by exact name (`NODE_ENV`, `PORT`). */
  readonly allowedVariables: readonly string[];
}

type MessageId = 'envFallback' | 'useRequiredEnv';

/** A fallback value known without running the code. */
interface ConstantFallback {
  /** How the message describes it: "an empty string", "a hard-coded string"... Never the value. */
  readonly description: string;
  /** The string value, for the secret-format detector. */
  readonly text?: string;
}

export const noEnvFallback = defineCheck<NoEnvFallbackOptions, MessageId>({
  id: 'no-env-fallback',
  meta: {
    type: 'problem',
    description: 'Disallow hard-coded defaults for environment variables that hold secrets',
    messages: {
      envFallback:
        "Environment variable '{{name}}' falls back to {{fallback}} ({{form}}): a deployment that forgets to set it runs with a value anyone can read in the source. Fail at start-up instead.",
      useRequiredEnv: "Replace with {{call}}, which throws when '{{name}}' is unset.",
    },
    schema: {
      type: 'object',
      properties: {
        checkAllVariables: {
          type: 'boolean',
          description: 'Flag defaults for every environment variable, not only those whose name says they hold a secret.',
        },
        requiredEnvHelper: {
          type: 'string',
          minLength: 1,
          description: "The function the suggestion calls instead of the default, with the variable's name as its argument.",
        },
        allowedVariables: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description: 'Variables whose defaults are never flagged, by exact name.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkAllVariables: false, requiredEnvHelper: 'requireEnv', allowedVariables: [] },
    level: 'recommended',
    strictOptions: { checkAllVariables: true },
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    const { checker, options, settings } = context;
    const allowed = new Set(options.allowedVariables);

    /** Reads of env variables an operand makes: one read, or a chain `A ?? B` of reads only. */
    const envReads = (node: ts.Expression, followLet: boolean): EnvRead[] | undefined => {
      const expr = skipOuterExpressions(t, node);
      if (t.isBinaryExpression(expr) && isDefaultingOperator(t, expr.operatorToken.kind)) {
        const left = envReads(expr.left, followLet);
        const right = left && envReads(expr.right, followLet);
        return left && right ? [...left, ...right] : undefined;
      }
      const read = envReadOf(t, expr, checker, followLet);
      return read ? [read] : undefined;
    };

    const mentions = (node: ts.Node, name: string): boolean => {
      if (isExpression(t, node) && envReadOf(t, node, checker, true)?.name === name) return true;
      return t.forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) ?? false;
    };

    /** Every env variable an expression reads anywhere inside it, by name. */
    const envNamesIn = (node: ts.Node, found = new Map<string, EnvRead>()): Map<string, EnvRead> => {
      const read = isExpression(t, node) ? envReadOf(t, node, checker, true) : undefined;
      if (read) found.set(read.name, read);
      else t.forEachChild(node, (child) => void envNamesIn(child, found));
      return found;
    };

    const constantFallback = (node: ts.Expression, seen = new Set<ts.Node>()): ConstantFallback | undefined => {
      const expr = skipOuterExpressions(t, node);
      const text = staticString(t, expr);
      if (text !== undefined) return { description: text === '' ? 'an empty string' : 'a hard-coded string', text };
      if (t.isNumericLiteral(expr) || t.isBigIntLiteral(expr)) return { description: 'a hard-coded number' };
      if (t.isPrefixUnaryExpression(expr) && t.isNumericLiteral(expr.operand)) return { description: 'a hard-coded number' };
      if (expr.kind === t.SyntaxKind.TrueKeyword || expr.kind === t.SyntaxKind.FalseKeyword) return { description: 'a hard-coded boolean' };
      if (t.isIdentifier(expr) && expr.text !== 'undefined') {
        const decl = resolveIdentifier(t, expr, checker);
        if (!decl || seen.has(decl) || !t.isVariableDeclaration(decl) || !decl.initializer) return undefined;
        const list = decl.parent;
        if (!t.isVariableDeclarationList(list) || !(list.flags & t.NodeFlags.Const)) return undefined;
        seen.add(decl);
        const inner = constantFallback(decl.initializer, seen);
        return inner && { description: `the constant '${expr.text}'`, ...(inner.text !== undefined ? { text: inner.text } : {}) };
      }
      return undefined;
    };

    /** Reports when the reads are worth flagging and the fallback is a constant. */
    const check = (
      reportNode: ts.Node,
      reads: readonly EnvRead[] | undefined,
      fallbackNode: ts.Expression | undefined,
      form: string,
      replaced: ts.Node | undefined,
    ): void => {
      if (!reads || reads.length === 0 || !fallbackNode) return;
      const fallback = constantFallback(fallbackNode);
      if (!fallback) return;
      const names = reads.map((r) => r.name);
      if (names.some((n) => allowed.has(n))) return;
      if (!options.checkAllVariables && !isWorthFlagging(names, targetName(t, reportNode), fallback)) return;
      const name = names.join("' or '");
      const suggestions = [];
      if (names.length === 1 && replaced) {
        const call = `${options.requiredEnvHelper}('${names[0]!.replace(/['\\]/g, '\\$&')}')`;
        const edit: TextEdit = { start: replaced.getStart(context.sourceFile), end: replaced.getEnd(), text: call };
        suggestions.push({ messageId: 'useRequiredEnv' as const, data: { call, name }, edits: [edit] });
      }
      context.report({ node: reportNode, messageId: 'envFallback', data: { name, fallback: fallback.description, form }, suggestions });
    };

    const isWorthFlagging = (names: readonly string[], target: string | undefined, fallback: ConstantFallback): boolean =>
      names.some((n) => classifyName(n, settings).isSecret) ||
      (target !== undefined && classifyName(target, settings).isSecret) ||
      (fallback.text !== undefined && detectSecretLiteral(fallback.text) !== undefined);

    return {
      visit(node) {
        if (t.isBinaryExpression(node)) {
          const op = node.operatorToken.kind;
          if (isDefaultingOperator(t, op)) {
            check(node, envReads(node.left, false), node.right, `\`${t.tokenToString(op)}\``, node);
          } else if (op === t.SyntaxKind.QuestionQuestionEqualsToken || op === t.SyntaxKind.BarBarEqualsToken) {
            check(node, envReads(node.left, true), node.right, `\`${t.tokenToString(op)}\``, node.right);
          } else if (op === t.SyntaxKind.EqualsToken) {
            // `if (!process.env.X) process.env.X = 'dev'`: an assignment guarded by a test of the same variable.
            const reads = envReads(node.left, true);
            const guard = guardingCondition(t, node);
            if (reads?.length === 1 && guard && mentions(guard, reads[0]!.name)) {
              check(node, reads, node.right, 'an assignment when unset', node.right);
            }
          }
        } else if (t.isConditionalExpression(node)) {
          // `process.env.X ? process.env.X : 'dev'`, `!X ? 'dev' : X`, and `X ? \`postgres://${X}@db\` : 'postgres://localhost'`:
          // the condition tests a variable, one branch uses it, the other is a constant.
          const tested = envNamesIn(node.condition);
          for (const [value, other] of [
            [node.whenTrue, node.whenFalse],
            [node.whenFalse, node.whenTrue],
          ] as const) {
            if (!constantFallback(other)) continue;
            const reads = envReads(value, false);
            if (reads?.length === 1 && tested.has(reads[0]!.name)) {
              check(node, reads, other, 'a conditional', node);
              return;
            }
            // Only a value built as text (a URL, a DSN): `X ? useKey(X) : 'anonymous'` is a mode switch, not a default.
            if (!isTextBuilt(t, value)) continue;
            const used = [...tested.values()].filter((read) => mentions(value, read.name));
            if (used.length === 1) {
              check(node, used, other, 'a conditional', undefined);
              return;
            }
          }
        } else if (t.isBindingElement(node) && node.initializer) {
          // `const { JWT_SECRET = 'dev' } = process.env`
          const read = envBindingRead(t, node, checker);
          check(node, read && [read], node.initializer, 'a destructuring default', node.initializer);
        }
      },
    };
  },
});

function isDefaultingOperator(t: TypeScript, kind: ts.SyntaxKind): boolean {
  return kind === t.SyntaxKind.BarBarToken || kind === t.SyntaxKind.QuestionQuestionToken;
}

/** A template with substitutions or a `+` concatenation. */
function isTextBuilt(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  return t.isTemplateExpression(expr) || (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken);
}

function isExpression(t: TypeScript, node: ts.Node): node is ts.Expression {
  return t.isIdentifier(node) || t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node) || t.isCallExpression(node);
}

/** The `if` condition that guards an assignment statement: `if (c) x = 1` or `if (c) { x = 1; }`. */
function guardingCondition(t: TypeScript, assignment: ts.BinaryExpression): ts.Expression | undefined {
  const statement = assignment.parent;
  if (!t.isExpressionStatement(statement)) return undefined;
  const holder = t.isBlock(statement.parent) ? statement.parent : statement;
  const ifStatement = holder.parent;
  return ifStatement && t.isIfStatement(ifStatement) && ifStatement.thenStatement === holder ? ifStatement.expression : undefined;
}

/** The name the defaulted value is stored under: `const jwtSecret = ...`, `{ dbPassword: ... }`, a parameter. */
function targetName(t: TypeScript, node: ts.Node): string | undefined {
  if (t.isBindingElement(node)) return bindingTargetName(t, node);
  let current: ts.Node = node;
  while (
    current.parent &&
    (t.isParenthesizedExpression(current.parent) || t.isAsExpression(current.parent) || t.isSatisfiesExpression(current.parent) || t.isNonNullExpression(current.parent))
  ) {
    current = current.parent;
  }
  return current.parent ? bindingTargetName(t, current.parent) : undefined;
}
