import type * as ts from 'typescript';
import { propertyNameText, skipOuterExpressions } from '../ast/index.js';
import { defineCheck, type CheckSuggestion, type Confidence, type TypeScript } from '../check.js';
import { createFlowContext, DEFAULT_SANITIZERS, sanitizersOptionSchema } from '../flow/context.js';
import { sourceEvidence } from '../flow/evidence.js';
import { errorConstruction, requestLoggerFormat, sinkOfCall, type SinkCall } from '../flow/sinks.js';
import { valueSources, type ValueFlow } from '../flow/values.js';
import { crossFunctionFlows, crossingSteps, crossingText, type SinkRecognizer } from '../flow/summaries/index.js';
import { helperImportEdits } from '../fix/helper-import.js';

export interface NoSecretLoggingOptions {
  /** Calls whose result is safe to log: the flow stops there. Replaces the built-in list when given. */
  readonly sanitizers: readonly string[];
  /** The helper the suggestion wraps a leaked value in; it always counts as a sanitizer. */
  readonly redactionHelper: string;
  /** More sinks, as dotted path suffixes (`audit.write`) or bare function names (`emitMetric`). */
  readonly extraSinks: readonly string[];
  /** Treat the message of `new Error(msg)` and its subclasses as a sink: error messages end up in logs. */
  readonly checkErrorMessages: boolean;
}

type MessageId = 'secretToSink' | 'secretInErrorMessage' | 'wrapInRedaction';

/** True when `at` lies under the `message` key of the error's details object. */
function isMessageField(t: TypeScript, at: ts.Node, details: ts.Node): boolean {
  let node = at;
  while (node.parent && node.parent !== details) node = node.parent;
  if (node.parent !== details) return false;
  return (
    (t.isPropertyAssignment(node) || t.isShorthandPropertyAssignment(node)) &&
    propertyNameText(t, node.name) === 'message'
  );
}

export const noSecretLogging = defineCheck<NoSecretLoggingOptions, MessageId>({
  id: 'no-secret-logging',
  meta: {
    type: 'problem',
    description: 'Disallow secret values reaching log, error-tracking and telemetry sinks',
    messages: {
      secretToSink:
        '{{secret}} ({{kind}}) reaches {{sink}}. Logs are read by many and kept for long: log a redacted form, or leave it out.',
      secretInErrorMessage:
        '{{secret}} ({{kind}}) is put into an error message ({{error}}). Error messages end up in logs, error trackers and responses: leave the value out.',
      wrapInRedaction: 'Wrap {{secret}} in {{helper}}(…).',
    },
    schema: {
      type: 'object',
      properties: {
        sanitizers: sanitizersOptionSchema('log', 'mask, redact, hash helpers'),
        redactionHelper: {
          type: 'string',
          minLength: 1,
          description: 'The helper the suggestion wraps a leaked value in; it always counts as a sanitizer.',
        },
        extraSinks: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'More sinks: dotted path suffixes such as `audit.write`, or bare function names.',
        },
        checkErrorMessages: {
          type: 'boolean',
          description:
            'Treat the message (first argument) of `new Error(...)` and its subclasses as a sink, since error messages end up in logs.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      sanitizers: DEFAULT_SANITIZERS,
      redactionHelper: 'redact',
      extraSinks: [],
      checkErrorMessages: true,
    },
    level: 'recommended',
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    const { options } = context;
    const flow = createFlowContext(t, {
      checker: context.checker,
      settings: context.settings,
      sanitizers: [...options.sanitizers, options.redactionHelper],
    });
    const reported = new Set<ts.Node>();
    /** The same sinks inside the functions a call reaches (`logRequest(apiKey)` whose body logs its parameter). */
    const logSink: SinkRecognizer = {
      key: `no-secret-logging:${JSON.stringify(options.extraSinks)}`,
      sinkOf(ctx, call) {
        const sink = sinkOfCall(ctx, call, { extraSinks: options.extraSinks });
        if (!sink) return undefined;
        const values = call.arguments.slice(0, sink.argumentCount ?? call.arguments.length);
        return { display: sink.display, values: values.map((a) => (t.isSpreadElement(a) ? a.expression : a)) };
      },
    };

    /**
     * High when the value is seen to be secret or named as a credential without doubt, at any log
     * level; medium when an ambiguous name (`sessionId`, `serviceKey`, `pass`) or a function's name
     * is the only evidence (see the rule's docs, "Confidence").
     */
    const confidenceOf = (f: ValueFlow): Confidence => (sourceEvidence(flow, f.source) === 'name' ? 'medium' : 'high');

    const suggestion = (f: ValueFlow): CheckSuggestion<MessageId>[] => {
      const helper = options.redactionHelper;
      const data = { secret: f.source.name, helper };
      const at = f.at;
      // Offered only when the helper resolves there, or can be imported from the module that exports it.
      const imports = helperImportEdits(context, at, helper);
      if (!imports) return [];
      if (t.isShorthandPropertyAssignment(at)) {
        const name = at.name.text;
        return [
          {
            messageId: 'wrapInRedaction',
            data,
            edits: [{ start: at.getStart(), end: at.getEnd(), text: `${name}: ${helper}(${name})` }, ...imports],
          },
        ];
      }
      if (t.isSpreadAssignment(at)) return []; // redacting a whole object is a design choice, not a fix
      return [
        {
          messageId: 'wrapInRedaction',
          data,
          edits: [{ start: at.getStart(), end: at.getEnd(), text: `${helper}(${at.getText()})` }, ...imports],
        },
      ];
    };

    const reportArguments = (args: readonly ts.Expression[], report: (f: ValueFlow) => void): void => {
      for (const arg of args) {
        for (const f of valueSources(flow, t.isSpreadElement(arg) ? arg.expression : arg)) {
          if (reported.has(f.at)) continue;
          reported.add(f.at);
          report(f);
        }
      }
    };

    const checkError = (node: ts.NewExpression | ts.CallExpression): boolean => {
      if (!options.checkErrorMessages) return false;
      const error = errorConstruction(flow, node);
      if (!error) return false;
      // Only the message: `{ cause }` options carry errors and context objects, not text.
      const first = node.arguments?.[0];
      const details =
        first && t.isObjectLiteralExpression(skipOuterExpressions(t, first))
          ? skipOuterExpressions(t, first)
          : undefined;
      reportArguments(node.arguments?.slice(0, 1) ?? [], (f) =>
        context.report({
          node: f.at,
          messageId: 'secretInErrorMessage',
          data: { secret: f.source.name, kind: f.source.kind, error },
          // `new RequestError({ code: 'not_found', token })`: structured details, not the message text.
          confidence: details && !isMessageField(t, f.at, details) ? 'medium' : confidenceOf(f),
          suggestions: suggestion(f),
        }),
      );
      return true;
    };

    return {
      visit(node) {
        if (t.isNewExpression(node)) {
          checkError(node);
          return;
        }
        if (!t.isCallExpression(node) || checkError(node)) return;
        const requestLogger = requestLoggerFormat(flow, node);
        if (requestLogger) {
          // One finding per format: its header tokens are printed on every request.
          const first = requestLogger.headers[0]!;
          context.report({
            node: requestLogger.format,
            messageId: 'secretToSink',
            data: {
              secret: requestLogger.headers.map((h) => h.token).join(', '),
              kind: first.kind,
              sink: requestLogger.display,
            },
          });
          return;
        }
        const sink = sinkOfCall(flow, node, { extraSinks: options.extraSinks });
        if (!sink) {
          for (const cross of crossFunctionFlows(flow, node, logSink)) {
            if (reported.has(cross.flow.at)) continue;
            reported.add(cross.flow.at);
            context.report({
              node: cross.flow.at,
              messageId: 'secretToSink',
              data: {
                secret: cross.flow.source.name,
                kind: cross.flow.source.kind,
                sink: crossingText(flow, cross, { sourceFile: context.sourceFile, path: context.file.path }),
              },
              confidence: inFailedResponseBranch(t, cross.sinkNode) ? 'medium' : confidenceOf(cross.flow),
              suggestions: suggestion(cross.flow),
              steps: crossingSteps(flow, cross),
            });
          }
          return;
        }
        // A telemetry SDK known by its receiver's name only (`analytics.track`): maybe an in-house wrapper that filters.
        const lowered =
          isOperatorOutput(context.file.path, sink) || inFailedResponseBranch(t, node) || sink.match.nameOnly === true;
        reportArguments(node.arguments.slice(0, sink.argumentCount ?? node.arguments.length), (f) =>
          context.report({
            node: f.at,
            messageId: 'secretToSink',
            data: { secret: f.source.name, kind: f.source.kind, sink: sink.display },
            confidence: lowered ? 'medium' : confidenceOf(f),
            suggestions: suggestion(f),
          }),
        );
      },
    };
  },
});

/**
 * Console output of a command-line command (`src/commands/`, `cli/`, `bin/`): what it prints is the
 * command's answer to the operator who ran it (`medusa user --invite` prints the invite it made).
 */
function isOperatorOutput(path: string, sink: SinkCall): boolean {
  return sink.path[0] === 'console' && /(^|\/)(commands|cli|bin)\//.test(path);
}

/**
 * Logged in the branch where a response failed (`if (!response.ok) console.warn(body)`): what a
 * failed token or API call returns is an error object, not the credential the success would carry.
 */
function inFailedResponseBranch(t: TypeScript, node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent && !t.isFunctionLike(current); current = current.parent) {
    const parent = current.parent;
    if (t.isIfStatement(parent) && parent.thenStatement === current && isNotOk(t, parent.expression)) return true;
  }
  return false;
}

function isNotOk(t: TypeScript, condition: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, condition);
  return (
    t.isPrefixUnaryExpression(expr) &&
    expr.operator === t.SyntaxKind.ExclamationToken &&
    t.isPropertyAccessExpression(skipOuterExpressions(t, expr.operand)) &&
    (skipOuterExpressions(t, expr.operand) as ts.PropertyAccessExpression).name.text === 'ok'
  );
}
