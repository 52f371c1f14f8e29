import type * as ts from 'typescript';
import { accessPath, calleeName, shortText, skipOuterExpressions, staticString } from '../ast/index.js';
import {
  DEBUG_FACTORY_MODULES,
  DEBUG_FACTORY_NAMES,
  LOGGER_BINDING_METHODS,
  REQUEST_LOGGER_MODULES,
  SENTRY_MODULE_PREFIX,
  SPAN_FACTORIES,
} from '../catalogs/sinks.js';
import {
  calleeTarget,
  expandedPath,
  importedFrom,
  originOf,
  requiredModule,
  unwrapBind,
  variableDeclarationOf,
} from './aliases.js';
import type { FlowContext } from './context.js';
import {
  formatHeaderTokens,
  isBareSinkName,
  isErrorClassName,
  isLoggerFactoryPath,
  isLoggerLevelMethod,
  isLoggerName,
  isSentryMethod,
  isSinkMethodName,
  isSpanMethod,
  matchSink,
  type SinkMatch,
} from './sink-names.js';
import { isCredentialHeader, pathText } from './source-names.js';
import { telemetrySinkOf } from './telemetry-sinks.js';

/** A call whose arguments end up in a log or telemetry sink. */
export interface SinkCall {
  readonly match: SinkMatch;
  /** The callee's path after aliases were followed: `["console","log"]` for `log(x)` after `const log = console.log`. */
  readonly path: readonly string[];
  /** The sink's name for messages, e.g. `console.log`, `this.logger.warn`, `Sentry.setExtra`. */
  readonly display: string;
  /** How many leading arguments reach the sink; all when absent (`logger.child(bindings, options)`: 1). */
  readonly argumentCount?: number;
}

/** Options of `sinkOfCall`. */
export interface SinkCallOptions {
  /** Extra sinks as dotted path suffixes (`audit.write`) or bare function names (`emitMetric`). */
  readonly extraSinks?: readonly string[];
}

/**
 * Says whether a call sends its arguments to a log or telemetry sink (see `catalogs/sinks.ts`),
 * following logger aliases (`const log = console.log`, `const { info } = logger`,
 * `const warn = logger.warn.bind(logger)`), logger origins (`const app = pino()`,
 * `const log = logger.child({})`), `debug` instances and Sentry's bare imports.
 */
export function sinkOfCall(
  ctx: FlowContext,
  call: ts.CallExpression,
  options: SinkCallOptions = {},
): SinkCall | undefined {
  const t = ctx.ts;
  const callee = skipOuterExpressions(t, call.expression);
  if (t.isPropertyAccessExpression(callee) && LOGGER_BINDING_METHODS.includes(callee.name.text))
    return loggerBindingsCall(ctx, callee);
  // Telemetry, analytics and error-tracking SDKs: `posthog.capture(...)`, `Bugsnag.notify(...)`.
  const telemetry = telemetrySinkOf(ctx, call);
  if (telemetry) return telemetry;
  if (t.isPropertyAccessExpression(callee) && !isSinkMethodName(callee.name.text)) {
    const method = callee.name.text;
    if (!options.extraSinks?.some((entry) => entry === method || entry.endsWith(`.${method}`))) return undefined;
  }
  if (t.isIdentifier(callee) && !bareCalleeMayBeSink(ctx, callee, options)) return undefined;
  if (t.isCallExpression(callee) && isDebugFactoryCall(ctx, callee)) {
    // `debug('app:auth')('token %s', token)`: a debug logger made and called at once.
    return { match: { category: 'debug', id: 'debug' }, path: ['debug()'], display: shortText(callee) };
  }
  const path = calleeTarget(ctx, callee);
  if (!path || path.length === 0) return dynamicLoggerCall(ctx, callee);
  const method = path[path.length - 1]!;
  // The flags below resolve declarations; compute each only when the method could use it.
  const needsReceiver = path.length > 1 && (isLoggerLevelMethod(method) || isSpanMethod(method));
  const receiverOrigin = needsReceiver ? receiverOriginOf(ctx, callee) : undefined;
  const bare = t.isIdentifier(callee) && path.length === 1;
  const match = matchSink(path, {
    ...(options.extraSinks ? { extraSinks: options.extraSinks } : {}),
    receiverIsLogger: receiverOrigin !== undefined && isLoggerOrigin(ctx, receiverOrigin),
    receiverIsSpan: receiverOrigin !== undefined && isSpanOrigin(ctx, receiverOrigin),
    calleeIsDebugLogger: bare && isDebugInstance(ctx, callee),
    calleeFromSentry:
      bare && isSentryMethod(method) && (importedFrom(ctx, callee) ?? '').startsWith(SENTRY_MODULE_PREFIX),
  });
  return match ? { match, path, display: pathText(path) } : undefined;
}

/**
 * A cheap first test for `f(...)`: unless `f` is bound to a variable (an alias such as
 * `const log = console.log`, a destructured `{ info }`, a `debug` instance), its path is just its
 * name, and only a few names are sinks on their own. Calls of imported and declared functions
 * (`createHash(...)`, `helper(...)`) so skip the alias and origin analysis.
 */
function bareCalleeMayBeSink(ctx: FlowContext, callee: ts.Identifier, options: SinkCallOptions): boolean {
  const t = ctx.ts;
  if (isBareSinkName(callee.text) || (options.extraSinks?.length ?? 0) > 0) return true;
  const decl = variableDeclarationOf(ctx, callee);
  return decl !== undefined && (t.isVariableDeclaration(decl) || t.isBindingElement(decl));
}

/**
 * `logger.child({ apiKey })`: the bindings are written into every line the child logs, so the
 * first argument is a sink when the receiver is a logger by name or by origin (`pino()`).
 */
function loggerBindingsCall(ctx: FlowContext, callee: ts.PropertyAccessExpression): SinkCall | undefined {
  const receiver = expandedPath(ctx, callee.expression);
  const last = receiver?.[receiver.length - 1];
  if (!receiver || last === undefined) return undefined;
  const origin = originOf(ctx, callee.expression);
  const isLogger = isLoggerName(last) || isLoggerOrigin(ctx, origin);
  if (!isLogger) return undefined;
  const path = [...receiver, callee.name.text];
  return { match: { category: 'logger', id: 'logger-bindings' }, path, display: pathText(path), argumentCount: 1 };
}

/** A credential header a request logger's format prints on every line. */
export interface LoggedHeader {
  /** The format token, e.g. `:req[authorization]`. */
  readonly token: string;
  /** What kind of secret the header carries. */
  readonly kind: string;
}

/** A request-logger middleware call whose static format prints credential headers. */
export interface RequestLoggerFormat {
  /** The format argument. */
  readonly format: ts.Expression;
  /** The middleware's name for messages, e.g. `morgan`. */
  readonly display: string;
  readonly headers: readonly LoggedHeader[];
}

/**
 * `morgan(':method :url :req[authorization]')`: a request logger (imported from a module of
 * `REQUEST_LOGGER_MODULES`, or so named when not imported) whose static format names credential
 * headers (by `isCredentialHeader`), which it then writes into every log line.
 */
export function requestLoggerFormat(ctx: FlowContext, call: ts.CallExpression): RequestLoggerFormat | undefined {
  const t = ctx.ts;
  const callee = skipOuterExpressions(t, call.expression);
  const format = call.arguments[0];
  if (!t.isIdentifier(callee) || !format) return undefined;
  // Cheap tests first: most bare calls have no format string with header tokens.
  const text =
    staticString(t, format) ??
    (t.isIdentifier(skipOuterExpressions(t, format)) ? staticString(t, originOf(ctx, format)) : undefined);
  if (text === undefined || !/:(req|res)\[/.test(text)) return undefined;
  const module = importedFrom(ctx, callee);
  if (!REQUEST_LOGGER_MODULES.includes(module ?? callee.text)) return undefined;
  const headers: LoggedHeader[] = [];
  for (const { token, header } of formatHeaderTokens(text)) {
    const c = isCredentialHeader(header, { classifier: ctx.classifier });
    if (c) headers.push({ token, kind: c.kind ?? 'secret' });
  }
  return headers.length > 0 ? { format, display: callee.text, headers } : undefined;
}

/** `logger[level](msg)`: a computed method on a receiver that is a logger by name. */
function dynamicLoggerCall(ctx: FlowContext, callee: ts.Expression): SinkCall | undefined {
  const t = ctx.ts;
  if (!t.isElementAccessExpression(callee)) return undefined;
  const receiver = expandedPath(ctx, callee.expression);
  const last = receiver?.[receiver.length - 1];
  if (!receiver || last === undefined || !isLoggerName(last)) return undefined;
  return {
    match: { category: 'logger', id: 'logger' },
    path: [...receiver, '[level]'],
    display: `${pathText(receiver)}[…]`,
  };
}

/** `new Error(msg)`, `Error(msg)`, `new UnauthorizedException(msg)`: the class name when the node builds an error. */
export function errorConstruction(ctx: FlowContext, node: ts.NewExpression | ts.CallExpression): string | undefined {
  const t = ctx.ts;
  const name = calleeName(t, node.expression);
  if (!name || !isErrorClassName(name)) return undefined;
  // A plain call only counts for the built-in constructors that work without `new`.
  if (t.isCallExpression(node) && !/^(Error|[A-Z][a-z]+Error)$/.test(name)) return undefined;
  return name;
}

/** What the receiver of a (possibly aliased) method callee was made from: `pino()` for `app.info` after `const app = pino()`. */
function receiverOriginOf(ctx: FlowContext, callee: ts.Expression): ts.Expression | undefined {
  const t = ctx.ts;
  const target = unwrapBind(ctx, originOf(ctx, callee));
  const receiver =
    t.isPropertyAccessExpression(target) || t.isElementAccessExpression(target) ? target.expression : undefined;
  return receiver ? originOf(ctx, receiver) : undefined;
}

/** A value made by a logger factory: `pino()`, `logger.child({})`, `new Logger('x')`, `winston.createLogger()`. */
function isLoggerOrigin(ctx: FlowContext, origin: ts.Expression): boolean {
  const t = ctx.ts;
  if (t.isNewExpression(origin)) {
    const name = calleeName(t, origin.expression);
    return name !== undefined && isLoggerName(name);
  }
  if (!t.isCallExpression(origin)) return false;
  const path = accessPath(t, origin.expression);
  return path !== undefined && isLoggerFactoryPath(path);
}

/** A value made by a span factory: `trace.getActiveSpan()`, `tracer.startSpan('x')`. */
function isSpanOrigin(ctx: FlowContext, origin: ts.Expression): boolean {
  const t = ctx.ts;
  if (!t.isCallExpression(origin)) return false;
  const name = calleeName(t, origin.expression);
  return name !== undefined && SPAN_FACTORIES.includes(name);
}

/** `debug` in `const debug = createDebug('app:auth')` or `const debug = require('debug')('app')`. */
function isDebugInstance(ctx: FlowContext, callee: ts.Identifier): boolean {
  const t = ctx.ts;
  const origin = originOf(ctx, callee);
  return origin !== callee && t.isCallExpression(origin) && isDebugFactoryCall(ctx, origin);
}

/** `createDebug('app')`, `require('debug')('app')`: a call that makes a `debug` logger. */
function isDebugFactoryCall(ctx: FlowContext, call: ts.CallExpression): boolean {
  const t = ctx.ts;
  const factory = skipOuterExpressions(t, call.expression);
  if (t.isCallExpression(factory)) return DEBUG_FACTORY_MODULES.includes(requiredModule(ctx, factory) ?? '');
  if (!t.isIdentifier(factory)) return false;
  const module = importedFrom(ctx, factory);
  return module !== undefined ? DEBUG_FACTORY_MODULES.includes(module) : DEBUG_FACTORY_NAMES.includes(factory.text);
}
