import type * as ts from 'typescript';
import {
  accessPath,
  calleeName,
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  propertyNameText,
  skipOuterExpressions,
} from '../ast/index.js';
import { defineCheck, type CheckSuggestion, type Confidence, type TypeScript } from '../check.js';
import { createFlowContext, DEFAULT_SANITIZERS, sanitizersOptionSchema } from '../flow/context.js';
import { declarationOf, bindingElementSource, importedFrom, rootIdentifier } from '../flow/aliases.js';
import { calledFunction } from '../flow/callees.js';
import { returnedExpressions } from '../flow/summaries/parameters.js';
import type { FlowContext } from '../flow/context.js';
import { inDevOrTestOnlyBranch } from '../context/branch.js';
import { runsInBrowser } from '../context/runtime.js';
import { isEchoedChallenge, isPublishedChallenge, sourceEvidence } from '../flow/evidence.js';
import type { SecretSource } from '../flow/sources.js';
import { isCredentialCookieName } from '../flow/source-names.js';
import { isSecretName, splitWords } from '../names/index.js';
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
    const confidenceOf = (f: ValueFlow): Confidence => {
      const evidence = sourceEvidence(flow, f.source);
      if (evidence === 'name') return 'medium';
      return evidence === 'credential-name' && nameSaysLess(flow, f.source) ? 'medium' : 'high';
    };

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

    /**
     * Output that is likely not kept: a failed response's error body, a development- or test-only branch, a telemetry SDK known by its
     * receiver's name only (`analytics.track`: maybe an in-house wrapper that filters), the browser's own console.
     */
    const sinkSaysLess = (call: ts.CallExpression, sink: SinkCall | undefined): boolean =>
      inFailedResponseBranch(t, call) ||
      inDevOrTestOnlyBranch(t, call) ||
      sink?.match.nameOnly === true ||
      (sink?.path[0] === 'console' && runsInBrowser(t, call));

    const reportArguments = (args: readonly ts.Expression[], report: (f: ValueFlow) => void): void => {
      for (const arg of args) {
        for (const f of valueSources(flow, t.isSpreadElement(arg) ? arg.expression : arg)) {
          if (reported.has(f.at) || carriesNothingSecret(flow, f)) continue;
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
            if (reported.has(cross.flow.at) || carriesNothingSecret(flow, cross.flow)) continue;
            reported.add(cross.flow.at);
            context.report({
              node: cross.flow.at,
              messageId: 'secretToSink',
              data: {
                secret: cross.flow.source.name,
                kind: cross.flow.source.kind,
                sink: crossingText(flow, cross, { sourceFile: context.sourceFile, path: context.file.path }),
              },
              // Lowered where the sink writes little (see `sinkSaysLess`), or where this call runs only in development.
              confidence:
                inDevOrTestOnlyBranch(t, node) ||
                sinkSaysLess(cross.sinkNode, sinkOfCall(flow, cross.sinkNode, { extraSinks: options.extraSinks }))
                  ? 'medium'
                  : confidenceOf(cross.flow),
              suggestions: suggestion(cross.flow),
              steps: crossingSteps(flow, cross),
            });
          }
          return;
        }
        const lowered = isOperatorOutput(context.file.path, sink) || sinkSaysLess(node, sink);
        const inCommand = isCommandFile(context.file.path);
        reportArguments(node.arguments.slice(0, sink.argumentCount ?? node.arguments.length), (f) =>
          context.report({
            node: f.at,
            messageId: 'secretToSink',
            data: { secret: f.source.name, kind: f.source.kind, sink: sink.display },
            confidence: lowered || (inCommand && isIssuedHere(flow, f.source)) ? 'medium' : confidenceOf(f),
            suggestions: suggestion(f),
          }),
        );
      },
    };
  },
});

/**
 * What reaches the sink is seen to hold no secret, whatever its name: a count, a key public by design,
 * a token no lookup matched, a value tested absent on the way here, or a constant the source spells out.
 */
function carriesNothingSecret(flow: FlowContext, f: ValueFlow): boolean {
  return (
    isCount(flow, f.source) ||
    isPublicByDesign(flow, f.source) ||
    echoesUnmatchedToken(flow, f) ||
    isAbsentHere(flow, f) ||
    isSpelledOut(flow, f.source) ||
    isUrlBuiltInView(flow, f.source) ||
    isListOfWrittenText(flow, f.source)
  );
}

/** Methods that add elements to an array. */
const ADDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift']);

/**
 * A list this code starts empty and fills only with text it writes out, carrying nothing secret
 * (`const unsupportedTokens: string[] = []`, then `unsupportedTokens.push(\`${field}:${operator}\`)`: words
 * of a search syntax echoed in a validation error), whatever its name says.
 */
function isListOfWrittenText(flow: FlowContext, source: SecretSource): boolean {
  const t = flow.ts;
  const node = source.node;
  if (source.reason !== 'name' || !t.isIdentifier(node)) return false;
  const decl = declarationOf(flow, node);
  if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name) || !constInitializer(t, decl)) return false;
  const init = decl.initializer && skipOuterExpressions(t, decl.initializer);
  if (!init || !t.isArrayLiteralExpression(init) || init.elements.length > 0) return false;
  const name = decl.name.text;
  let added = 0;
  let other = false;
  forEachDescendant(t, enclosingFunctionOrFile(t, decl), (n) => {
    if (!t.isIdentifier(n) || n.text !== name || n === decl.name) return undefined;
    const access = n.parent;
    const call = access?.parent;
    const isAdding =
      t.isPropertyAccessExpression(access) &&
      access.expression === n &&
      ADDING_METHODS.has(access.name.text) &&
      call !== undefined &&
      t.isCallExpression(call) &&
      call.expression === access;
    if (!isAdding) {
      // Reads (`list.length`, `list.join(', ')`) are fine; an element written by index is not seen.
      if (t.isElementAccessExpression(access) && access.expression === n && isAssigned(t, access)) other = true;
      // Handed to a function that may fill it (`collect(tokens)`), or to a method that adds (`splice`).
      if (access && t.isCallExpression(access) && access.arguments.some((a) => a === n)) other = true;
      if (t.isPropertyAccessExpression(access) && access.expression === n && access.name.text === 'splice')
        other = true;
      return other ? 'stop' : undefined;
    }
    for (const arg of (call as ts.CallExpression).arguments) {
      const value = skipOuterExpressions(t, arg);
      const written =
        t.isTemplateExpression(value) || t.isStringLiteral(value) || t.isNoSubstitutionTemplateLiteral(value);
      if (!written || valueSources(flow, value).length > 0) other = true;
      else added++;
    }
    return other ? 'stop' : undefined;
  });
  return added > 0 && !other;
}

/** `list[i] = v`, `list[i] += v`: the left side of an assignment. */
function isAssigned(t: TypeScript, target: ts.Expression): boolean {
  const parent = target.parent;
  return (
    t.isBinaryExpression(parent) &&
    parent.left === target &&
    parent.operatorToken.kind >= t.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= t.SyntaxKind.LastAssignment
  );
}

/**
 * A connection string known only by the key it is logged under (`{ clickhouse_url: url }`) whose value
 * this code builds from parts that carry nothing secret (`const url = \`${base}managed-clickhouse/${path}\``):
 * the address is in view, and no password is in it.
 */
function isUrlBuiltInView(flow: FlowContext, source: SecretSource): boolean {
  const t = flow.ts;
  const node = source.node;
  if (source.kind !== 'connection-string' || source.reason !== 'name' || !t.isPropertyAssignment(node)) return false;
  const value = skipOuterExpressions(t, node.initializer);
  if (!t.isIdentifier(value)) return false;
  const decl = declarationOf(flow, value);
  if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !constInitializer(t, decl)) return false;
  const init = skipOuterExpressions(t, decl.initializer);
  return t.isTemplateExpression(init) && valueSources(flow, init).length === 0;
}

/**
 * Logged in the branch where the value is absent: `if (!key || typeof key !== 'string') logger.error({ key })`
 * prints `undefined` or an empty string. Every alternative of the test must say so (`!a || !b` does not
 * for `b`), one of them a test for absence (`!x`, `x == null`, `x === ''`, `!x.length`); a type test
 * (`typeof x !== 'string'`) may stand beside it.
 */
function isAbsentHere(flow: FlowContext, f: ValueFlow): boolean {
  const t = flow.ts;
  const at = t.isShorthandPropertyAssignment(f.at) ? f.at.name : f.at;
  if (!t.isExpression(at)) return false;
  const value = t.isIdentifier(at) ? at : rootIdentifier(flow, at);
  if (!value) return false;
  for (let current: ts.Node = f.at; current.parent && !t.isFunctionLike(current); current = current.parent) {
    const parent = current.parent;
    if (t.isIfStatement(parent) && parent.thenStatement === current && testsAbsence(t, parent.expression, value.text))
      return !assignedBefore(t, current, value.text, f.at.getStart());
  }
  return false;
}

/** `if (!token) { token = await refresh(); log(token) }`: `name` is given a value in `block` before `end`. */
function assignedBefore(t: TypeScript, block: ts.Node, name: string, end: number): boolean {
  return forEachDescendant(t, block, (node) => {
    if (node.pos >= end) return 'skip';
    return t.isBinaryExpression(node) &&
      node.operatorToken.kind >= t.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= t.SyntaxKind.LastAssignment &&
      t.isIdentifier(skipOuterExpressions(t, node.left)) &&
      (skipOuterExpressions(t, node.left) as ts.Identifier).text === name
      ? 'stop'
      : undefined;
  });
}

/** Whether `condition` holds only when `name` is absent: 'absent' with an absence test, 'type' with a type test only. */
function absenceTest(t: TypeScript, condition: ts.Expression, name: string): 'absent' | 'type' | undefined {
  const expr = skipOuterExpressions(t, condition);
  const isName = (e: ts.Expression): boolean => {
    const inner = skipOuterExpressions(t, e);
    return t.isIdentifier(inner) && inner.text === name;
  };
  if (t.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === t.SyntaxKind.BarBarToken) {
      const left = absenceTest(t, expr.left, name);
      const right = absenceTest(t, expr.right, name);
      if (!left || !right) return undefined;
      return left === 'absent' || right === 'absent' ? 'absent' : 'type';
    }
    if (op === t.SyntaxKind.AmpersandAmpersandToken)
      return absenceTest(t, expr.left, name) === 'absent' || absenceTest(t, expr.right, name) === 'absent'
        ? 'absent'
        : undefined;
    const left = skipOuterExpressions(t, expr.left);
    const right = skipOuterExpressions(t, expr.right);
    if (op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken) {
      // `typeof x !== 'string'`
      const typeOf = [left, right].find((e) => t.isTypeOfExpression(e) && isName(e.expression));
      return typeOf && [left, right].some((e) => t.isStringLiteral(e)) ? 'type' : undefined;
    }
    if (op !== t.SyntaxKind.EqualsEqualsEqualsToken && op !== t.SyntaxKind.EqualsEqualsToken) return undefined;
    const isNothing = (e: ts.Expression): boolean =>
      e.kind === t.SyntaxKind.NullKeyword ||
      (t.isIdentifier(e) && e.text === 'undefined') ||
      (t.isStringLiteral(e) && e.text === '');
    return (isName(left) && isNothing(right)) || (isName(right) && isNothing(left)) ? 'absent' : undefined;
  }
  if (!t.isPrefixUnaryExpression(expr) || expr.operator !== t.SyntaxKind.ExclamationToken) return undefined;
  const operand = skipOuterExpressions(t, expr.operand);
  if (isName(operand)) return 'absent';
  return t.isPropertyAccessExpression(operand) && operand.name.text === 'length' && isName(operand.expression)
    ? 'absent'
    : undefined;
}

function testsAbsence(t: TypeScript, condition: ts.Expression, name: string): boolean {
  return absenceTest(t, condition, name) === 'absent';
}

/**
 * With a checker: a value whose type is one string literal is spelled out in the source
 * (`NAMES.GmailTokens` of `{ GmailTokens: 'GmailTokens' } as const`, a settings or action name); a
 * secret literal is the hard-coded-secret check's finding, and logging it leaks nothing the source does not.
 */
function isSpelledOut(flow: FlowContext, source: SecretSource): boolean {
  const t = flow.ts;
  const node = source.node;
  if (!flow.checker || source.reason !== 'name') return false;
  if (!t.isIdentifier(node) && !t.isPropertyAccessExpression(node) && !t.isElementAccessExpression(node)) return false;
  try {
    return (flow.checker.getTypeAtLocation(node).flags & t.TypeFlags.StringLiteral) !== 0;
  } catch {
    return false;
  }
}

/**
 * Console output of a command-line command (`src/commands/`, `cli/`, `bin/`): what it prints is the
 * command's answer to the operator who ran it (`medusa user --invite` prints the invite it made).
 */
function isOperatorOutput(path: string, sink: SinkCall): boolean {
  return sink.path[0] === 'console' && isCommandFile(path);
}

/** A file of a command-line program's commands: under `commands/`, `cli/` or `bin/`. */
function isCommandFile(path: string): boolean {
  return /(^|\/)(commands|cli|bin)\//.test(path);
}

/** First words of calls that make a credential for whoever asked: `createInvites`, `generatePassword`, `issueToken`. */
const ISSUING_VERBS: ReadonlySet<string> = new Set([
  'create',
  'generate',
  'issue',
  'mint',
  'make',
  'new',
  'register',
  'rotate',
  'regenerate',
  'invite',
]);

/**
 * A credential made in this function by an issuing call (`const invite = await createInvites(...)`,
 * then `invite.token`): in a command-line command it is the command's answer to the operator who
 * ran it (`medusa user --invite` prints the invite it made), whatever prints it.
 */
function isIssuedHere(flow: FlowContext, source: SecretSource): boolean {
  const call = initializingCall(flow, source.node);
  const name = call ? calleeName(flow.ts, call.expression) : undefined;
  return name !== undefined && ISSUING_VERBS.has(splitWords(name)[0] ?? '');
}

/**
 * The call a source's value was made by: `createInvites(...)` for `invite.token` after
 * `const invite = await createInvites(...)`, `parseShareToken(req)` for `shareToken` after
 * `const shareToken = await parseShareToken(req)`.
 */
function initializingCall(flow: FlowContext, node: ts.Node): ts.CallExpression | undefined {
  const t = flow.ts;
  const id =
    t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)
      ? rootIdentifier(flow, node.expression)
      : t.isIdentifier(node)
        ? node
        : undefined;
  const decl = id ? declarationOf(flow, id) : t.isBindingElement(node) ? node : undefined;
  let init: ts.Expression | undefined;
  if (decl && t.isVariableDeclaration(decl)) init = decl.initializer;
  else if (decl && t.isBindingElement(decl)) init = bindingElementSource(flow, decl);
  if (!init) return undefined;
  let expr = skipOuterExpressions(t, init);
  if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
  return t.isCallExpression(expr) ? expr : undefined;
}

/** Owners whose `token` or `code` is a code handed to customers: a coupon's token is its code. */
const CODE_OWNER_WORDS: ReadonlySet<string> = new Set([
  'coupon',
  'promo',
  'promotion',
  'discount',
  'voucher',
  'gift',
  'giftcard',
  'referral',
]);

/**
 * Words of a value that binds a form or a redirect to the browser that asked (a CSRF token): it
 * authenticates nothing alone, and the browser holds and sends it anyway.
 */
const REQUEST_BINDING_WORDS: ReadonlySet<string> = new Set(['csrf', 'xsrf']);

/** First words of calls that turn a token into its claims: `parseShareToken(req)`, `decodeJwt(t)`, `verifyToken(t)`. */
const DECODING_VERBS: ReadonlySet<string> = new Set(['parse', 'decode', 'verify']);

/** Words of what such a call decodes: a token, a JWT. */
const DECODED_WORDS: ReadonlySet<string> = new Set(['token', 'jwt', 'jws', 'jwe']);

/**
 * A credential name that says less than it seems, when nothing else shows the value is secret
 * (medium): a cookie's name without a credential word (`cookie`, `cookies`, `cookieValue`: a state,
 * nonce, consent or locale cookie as often as a session), a `token` owned by a customer code
 * (`coupon.token`, `couponToken`), a CSRF token (`storedCsrfToken`), and a token's name on what a decoding call returned (`const shareToken = await
 * parseShareToken(req)`: the verified claims, not the token).
 */
function nameSaysLess(flow: FlowContext, source: SecretSource): boolean {
  const t = flow.ts;
  const last = /([A-Za-z_$][\w$]*)[^\w$]*$/.exec(source.name)?.[1] ?? source.name;
  if (source.kind === 'cookie' && !isCredentialCookieName(last)) return true;
  if (splitWords(last).some((w) => CODE_OWNER_WORDS.has(w) || REQUEST_BINDING_WORDS.has(w))) return true; // `couponToken`, `csrfToken`
  const node = source.node;
  if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) {
    const owner = accessPath(t, node.expression)?.pop()?.replace(/\(\)$/, '');
    if (owner !== undefined && splitWords(owner).some((w) => CODE_OWNER_WORDS.has(w))) return true;
  }
  return isDecodedPayload(flow, node);
}

/** `const shareToken = await parseShareToken(request)`: a decoding call's result (a parse of a credential the flow sees stays a token). */
function isDecodedPayload(flow: FlowContext, node: ts.Node): boolean {
  const t = flow.ts;
  if (!t.isIdentifier(node) && !t.isBindingElement(node)) return false;
  const call = initializingCall(flow, node);
  return call !== undefined && returnsClaims(flow, call, 0);
}

/**
 * Functions of session libraries that return a session token's decoded claims, by module: next-auth's
 * and Auth.js's `getToken({ req })` (the JWT only with `raw: true`) and `decode({ token, secret })`.
 */
const CLAIMS_READERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['next-auth/jwt', new Set(['getToken', 'decode'])],
  ['@auth/core/jwt', new Set(['getToken', 'decode'])],
]);

/** How many wrappers deep a claims-returning call is followed (`getTokenFromRequest(req)` returning `getToken({ req })`). */
const MAX_CLAIMS_WRAPPERS = 2;

/**
 * A call that returns a token's claims, not the token: one named for decoding a token
 * (`parseShareToken(req)`, `decodeJwt(t)`, `verifyToken(t)`), a session library's claims reader
 * (`getToken({ req })` of `next-auth/jwt`), or a function of the program every return of which is
 * such a call (`getTokenFromRequest(req)` whose body returns `getToken({ req })`).
 */
function returnsClaims(flow: FlowContext, call: ts.CallExpression, depth: number): boolean {
  const t = flow.ts;
  const callee = skipOuterExpressions(t, call.expression);
  const path = accessPath(t, callee);
  const method = path?.[path.length - 1];
  const verb = method === undefined ? '' : (splitWords(method)[0] ?? '');
  if (DECODING_VERBS.has(verb) && path!.some((segment) => splitWords(segment).some((w) => DECODED_WORDS.has(w)))) {
    // `parseBearerToken(req.headers.authorization)` extracts the token itself; verify and decode never do.
    const first = call.arguments[0];
    return verb !== 'parse' || !first || valueSources(flow, first).every((f) => f.source.reason === 'name');
  }
  if (t.isIdentifier(callee) && CLAIMS_READERS.get(importedFrom(flow, callee) ?? '')?.has(callee.text))
    return !asksForRawToken(t, call);
  const fn = depth < MAX_CLAIMS_WRAPPERS ? calledFunction(flow, callee) : undefined;
  if (!fn) return false;
  const returned = returnedExpressions(t, fn).map((e) => {
    const expr = skipOuterExpressions(t, e);
    return t.isAwaitExpression(expr) ? skipOuterExpressions(t, expr.expression) : expr;
  });
  return (
    returned.length > 0 &&
    returned.every((e) => t.isCallExpression(e) && e !== call && returnsClaims(flow, e, depth + 1))
  );
}

/** `getToken({ req, raw: true })`: next-auth then returns the encoded JWT itself. */
function asksForRawToken(t: TypeScript, call: ts.CallExpression): boolean {
  const options = call.arguments[0] && skipOuterExpressions(t, call.arguments[0]);
  if (!options || !t.isObjectLiteralExpression(options)) return false;
  return options.properties.some(
    (p) =>
      propertyNameText(t, p.name) === 'raw' &&
      !(t.isPropertyAssignment(p) && p.initializer.kind === t.SyntaxKind.FalseKeyword),
  );
}

/**
 * Known by its name only, and public by design: a domain-ownership challenge published in DNS
 * (`domainVerificationToken`, `TXT value "${expected}" not found` for a verified-domain record), or a
 * handshake challenge the handler echoes back (Microsoft Graph's `validationToken`).
 */
function isPublicByDesign(flow: FlowContext, source: SecretSource): boolean {
  return source.reason === 'name' && (isPublishedChallenge(flow, source) || isEchoedChallenge(flow, source));
}

/**
 * A number is no credential, unless it is a one-time code or PIN: seen by its type, or by what made
 * it (`await db.token.count()`, `tokens.length`). A count under a token's name is not logged secret.
 */
function isCount(flow: FlowContext, source: SecretSource): boolean {
  const t = flow.ts;
  const node = source.node;
  const words = splitWords(/([A-Za-z_$][\w$]*)[^\w$]*$/.exec(source.name)?.[1] ?? '');
  if (source.kind === 'otp' || words.some((w) => w === 'pin' || w === 'code' || w === 'otp')) return false;
  if (flow.checker && (t.isIdentifier(node) || t.isPropertyAccessExpression(node))) {
    try {
      const type = flow.checker.getTypeAtLocation(node);
      if (type.flags & (t.TypeFlags.NumberLike | t.TypeFlags.BigIntLike)) return true;
    } catch {
      // no type: judge by what made the value
    }
  }
  if (!t.isIdentifier(node)) return false;
  const decl = declarationOf(flow, node);
  const init =
    decl && t.isVariableDeclaration(decl) && decl.initializer ? skipOuterExpressions(t, decl.initializer) : undefined;
  const value = init && t.isAwaitExpression(init) ? skipOuterExpressions(t, init.expression) : init;
  if (!value) return false;
  if (t.isPropertyAccessExpression(value)) return value.name.text === 'length' || value.name.text === 'size';
  const method = t.isCallExpression(value) ? calleeName(t, value.expression) : undefined;
  return method !== undefined && splitWords(method)[0] === 'count';
}

/**
 * Logged in the branch where a response failed (`if (!response.ok) console.warn(body)`): what a
 * failed token or API call returns is an error object, not the credential the success would carry.
 */
function inFailedResponseBranch(t: TypeScript, node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent && !t.isFunctionLike(current); current = current.parent) {
    const parent = current.parent;
    if (t.isIfStatement(parent) && parent.thenStatement === current && isFailureTest(t, parent.expression)) return true;
  }
  return false;
}

/** Kinds a failed lookup makes worthless: issued values, not something a person typed (a wrong password is often a near miss). */
const ISSUED_KINDS: ReadonlySet<string> = new Set(['token', 'otp', 'session']);

/**
 * Reported in the branch where a lookup by the very value found nothing:
 * `const row = await find({ token }); if (!row) throw new NotFound(`Invalid token: ${token}`)`,
 * `const channel = channels.find((c) => c.token === channelToken); if (!channel) ...`. A token that
 * no record, cache entry or list element matches is invalid or expired: it opens nothing, and the
 * error names it to the caller who sent it.
 */
function echoesUnmatchedToken(flow: FlowContext, f: ValueFlow): boolean {
  const t = flow.ts;
  if (!ISSUED_KINDS.has(f.source.kind) || !t.isExpression(f.at)) return false;
  const echoed = rootIdentifier(flow, f.at);
  if (!echoed) return false;
  for (let current: ts.Node = f.at; current.parent && !t.isFunctionLike(current); current = current.parent) {
    const parent = current.parent;
    if (!t.isIfStatement(parent) || parent.thenStatement !== current) continue;
    const missing = missingResultOf(t, parent.expression);
    if (!missing) continue;
    const lookup = t.isIdentifier(missing) ? lastValueOf(flow, missing, parent) : missing;
    if (lookup && mentionsIdentifier(t, lookup, echoed.text)) return true;
  }
  return false;
}

/** The tested value of `!x`, `!x?.length`, `x == null`, `x === undefined`; else undefined. */
function missingResultOf(t: TypeScript, condition: ts.Expression): ts.Expression | undefined {
  const expr = skipOuterExpressions(t, condition);
  if (t.isPrefixUnaryExpression(expr) && expr.operator === t.SyntaxKind.ExclamationToken) {
    const operand = skipOuterExpressions(t, expr.operand);
    if (t.isPropertyAccessExpression(operand) && operand.name.text === 'length')
      return skipOuterExpressions(t, operand.expression);
    return operand;
  }
  if (
    t.isBinaryExpression(expr) &&
    [t.SyntaxKind.EqualsEqualsToken, t.SyntaxKind.EqualsEqualsEqualsToken].includes(expr.operatorToken.kind)
  ) {
    const isNothing = (e: ts.Expression) =>
      e.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(e) && e.text === 'undefined');
    if (isNothing(skipOuterExpressions(t, expr.right))) return skipOuterExpressions(t, expr.left);
    if (isNothing(skipOuterExpressions(t, expr.left))) return skipOuterExpressions(t, expr.right);
  }
  return undefined;
}

/** What `id` holds at `at`: its initializer, or the last `id = ...` statement before `at` in the same block. */
function lastValueOf(flow: FlowContext, id: ts.Identifier, at: ts.Statement): ts.Expression | undefined {
  const t = flow.ts;
  const block = at.parent;
  if (t.isBlock(block) || t.isSourceFile(block)) {
    const index = block.statements.indexOf(at);
    for (let i = index - 1; i >= 0; i--) {
      const statement = block.statements[i]!;
      if (!t.isExpressionStatement(statement)) continue;
      const assigned = skipOuterExpressions(t, statement.expression);
      if (
        t.isBinaryExpression(assigned) &&
        assigned.operatorToken.kind === t.SyntaxKind.EqualsToken &&
        t.isIdentifier(assigned.left) &&
        assigned.left.text === id.text
      )
        return assigned.right;
    }
  }
  const decl = declarationOf(flow, id);
  return decl && t.isVariableDeclaration(decl) ? decl.initializer : undefined;
}

/** A call (awaited or not) that takes an identifier named `name` somewhere in its arguments or callback. */
function mentionsIdentifier(t: TypeScript, value: ts.Expression, name: string): boolean {
  let call = skipOuterExpressions(t, value);
  if (t.isAwaitExpression(call)) call = skipOuterExpressions(t, call.expression);
  if (!t.isCallExpression(call)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const isPropertyName = t.isPropertyAccessExpression(node.parent) && node.parent.name === node;
    if (t.isIdentifier(node) && node.text === name && !isPropertyName) found = true;
    else t.forEachChild(node, visit);
  };
  call.arguments.forEach(visit);
  return found;
}

/** Fields whose presence marks an error response: OAuth's `error`, GraphQL's `errors`. */
const ERROR_FIELDS = new Set(['error', 'errors', 'err', 'error_description', 'errorMessage']);

/**
 * A condition that holds only for a failed call: `!response.ok`, an error field present
 * (`result.error`), or a token absent from the result (`!result.access_token`); any of them joined
 * by `||`. A token endpoint answers a failure with an error object and no token.
 */
function isFailureTest(t: TypeScript, condition: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, condition);
  if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.BarBarToken)
    return isFailureTest(t, expr.left) && isFailureTest(t, expr.right);
  if (t.isPropertyAccessExpression(expr)) return ERROR_FIELDS.has(expr.name.text);
  if (!t.isPrefixUnaryExpression(expr) || expr.operator !== t.SyntaxKind.ExclamationToken) return false;
  const operand = skipOuterExpressions(t, expr.operand);
  return t.isPropertyAccessExpression(operand) && (operand.name.text === 'ok' || isSecretName(operand.name.text));
}
