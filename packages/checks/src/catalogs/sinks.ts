import { splitWords } from '../names/index.js';
import { matchesCallEntry, stripCall } from './sources.js';

/**
 * The catalog of log and telemetry sinks: calls whose arguments end up in logs, error trackers or
 * traces. Data first, then one matcher over a callee's access path (after the flow module has
 * followed aliases such as `const log = console.log` or `const { info } = logger`).
 *
 * Matching is by receiver name plus method, chosen so that `map.set`, `res.json` or `Math.log`
 * never match: level methods only count on receivers that are loggers by name or by origin.
 */

/** What a sink does with its arguments. */
export type SinkCategory = 'console' | 'logger' | 'stdio' | 'error-tracker' | 'tracing' | 'debug' | 'custom';

/** Methods of the global `console` that print their arguments. */
export const CONSOLE_METHODS: readonly string[] = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'timeLog'];

/** Level methods of pino, winston, bunyan, log4js, NestJS `Logger`, Fastify's `log`, consola, signale. */
export const LOGGER_LEVEL_METHODS: readonly string[] = [
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'critical', 'crit', 'alert', 'emerg', 'success',
  'succeed', 'fail', 'ready', 'start',
];

/**
 * Receiver names that are loggers: exact (lower-case) names, plus any name whose last word is one
 * of `LOGGER_NAME_WORDS` (`appLogger`, `this.requestLogger`, NestJS `Logger`, `consoleLog`,
 * `devConsole`). `log` covers Fastify's `request.log`, `reply.log` and `fastify.log`.
 */
export const LOGGER_RECEIVERS: readonly string[] = ['log', 'logger', 'pino', 'winston', 'bunyan', 'log4js', 'consola', 'signale', 'npmlog', 'roarr', 'tslog'];

/** Last words that make a receiver name a logger: `appLogger`, `auditLog`, `devConsole`. Whole words only: `catalog`, `dialog` are not. */
export const LOGGER_NAME_WORDS: readonly string[] = ['logger', 'log', 'console', 'logging'];

/** Calls that return a logger: `pino()`, `winston.createLogger()`, `log4js.getLogger()`, `logger.child()`. */
export const LOGGER_FACTORIES: readonly string[] = ['pino', 'createLogger', 'getLogger', 'child', 'bunyan.createLogger', 'winston.createLogger', 'log4js.getLogger', 'consola.create', 'consola.withTag', 'useLogger'];

/**
 * Logger methods whose first argument (the bindings) is written into every later line of the
 * returned logger: pino/bunyan/winston `logger.child({ requestId })`. Only on logger receivers.
 */
export const LOGGER_BINDING_METHODS: readonly string[] = ['child'];

/** HTTP request-logger middleware whose format string names headers to print on every line: morgan. */
export const REQUEST_LOGGER_MODULES: readonly string[] = ['morgan'];

/** A header token of a request-logger format: morgan's `:req[authorization]`, `:res[set-cookie]`. */
export interface FormatHeaderToken {
  /** The token as written, e.g. `:req[authorization]`. */
  readonly token: string;
  /** The header it prints, e.g. `authorization`. */
  readonly header: string;
}

/** The `:req[<header>]` and `:res[<header>]` tokens of a morgan format string. */
export function formatHeaderTokens(format: string): FormatHeaderToken[] {
  return [...format.matchAll(/:(?:req|res)\[([^\]]+)\]/g)].map((m) => ({ token: m[0], header: m[1]!.trim() }));
}

/** Module names whose default export is a `debug`-style factory: `createDebug('app:auth')` returns a log function. */
export const DEBUG_FACTORY_MODULES: readonly string[] = ['debug'];
/** Names a `debug` factory is usually imported under. */
export const DEBUG_FACTORY_NAMES: readonly string[] = ['debug', 'createDebug', 'Debug', 'debugFactory', 'makeDebug'];

/** Sentry functions that send their arguments to the error tracker. */
export const SENTRY_METHODS: readonly string[] = ['captureMessage', 'captureException', 'captureEvent', 'setExtra', 'setExtras', 'setContext', 'setTag', 'setTags', 'setUser', 'addBreadcrumb'];
/** Receivers of the Sentry methods: the namespace and the scopes handed out by `withScope`. */
export const SENTRY_RECEIVERS: readonly string[] = ['sentry', 'scope', 'isolationscope', 'currentscope'];
/** Modules a bare `captureException(...)` import must come from. */
export const SENTRY_MODULE_PREFIX = '@sentry/';

/** OpenTelemetry span methods that record attributes and events; the receiver's name ends in `span`. */
export const SPAN_METHODS: readonly string[] = ['setAttribute', 'setAttributes', 'addEvent', 'recordException', 'setStatus'];
/** Calls that return a span: `trace.getActiveSpan()`, `tracer.startSpan()`. */
export const SPAN_FACTORIES: readonly string[] = ['getActiveSpan', 'startSpan', 'getSpan'];

/** Process streams that end in logs. */
export const STDIO_SINKS: readonly string[] = ['process.stdout.write', 'process.stderr.write'];

/** Class names whose instances carry a message into logs: `new Error(msg)`, `new UnauthorizedException(msg)`. */
export const ERROR_CLASS_SUFFIXES: readonly string[] = ['Error', 'Exception'];

/** A sink a callee matched. */
export interface SinkMatch {
  readonly category: SinkCategory;
  /** A stable id of the catalog entry, e.g. `console`, `logger`, `sentry`, `otel-span`. */
  readonly id: string;
}

/** What the matcher needs beyond the callee path. */
export interface SinkMatchOptions {
  /** Extra sinks as dotted path suffixes (`audit.write`) or bare function names (`emitMetric`). */
  readonly extraSinks?: readonly string[];
  /** True when the callee's last receiver was made by a logger factory (`const app = pino()`). */
  readonly receiverIsLogger?: boolean;
  /** True when the callee is a function made by a `debug` factory (`const debug = createDebug('x')`). */
  readonly calleeIsDebugLogger?: boolean;
  /** True when a bare callee is imported from a Sentry module. */
  readonly calleeFromSentry?: boolean;
  /** True when the receiver was made by a span factory (`const s = tracer.startSpan('x')`). */
  readonly receiverIsSpan?: boolean;
}

/** Function names that are logging helpers when called bare: `log('x')`, `logger('x')`. */
export const BARE_LOGGER_NAMES: readonly string[] = ['log', 'logger'];

const CONSOLE_SET = new Set(CONSOLE_METHODS);
const BARE_LOGGER_SET = new Set(BARE_LOGGER_NAMES);
const LEVEL_SET = new Set(LOGGER_LEVEL_METHODS);
const LOGGER_SET = new Set(LOGGER_RECEIVERS);
const SENTRY_SET = new Set(SENTRY_METHODS);
const SENTRY_RECEIVER_SET = new Set(SENTRY_RECEIVERS);
const SPAN_SET = new Set(SPAN_METHODS);

/** True for a logger level method name (`info`, `warn`, `log`...). */
export function isLoggerLevelMethod(name: string): boolean {
  return LEVEL_SET.has(name);
}

/** True for an OpenTelemetry span method that records data. */
export function isSpanMethod(name: string): boolean {
  return SPAN_SET.has(name);
}

/** True for a Sentry function that sends its arguments. */
export function isSentryMethod(name: string): boolean {
  return SENTRY_SET.has(name);
}

const SINK_METHOD_SET = new Set([...CONSOLE_METHODS, ...LOGGER_LEVEL_METHODS, ...SENTRY_METHODS, ...SPAN_METHODS, 'write']);

/** True when a bare call of this name can be a sink without any alias: `log(...)`, `captureException(...)`. */
export function isBareSinkName(name: string): boolean {
  return BARE_LOGGER_SET.has(name) || SENTRY_SET.has(name);
}

/** True when a method name can be a sink on some receiver; anything else never is (a cheap first test). */
export function isSinkMethodName(name: string): boolean {
  return SINK_METHOD_SET.has(name);
}

/** True when a receiver name (last segment of the receiver path) is a logger by name. */
export function isLoggerName(segment: string): boolean {
  const name = stripCall(segment);
  if (LOGGER_SET.has(name.toLowerCase())) return true;
  const words = splitWords(name);
  return LOGGER_NAME_WORDS.includes(words[words.length - 1] ?? '');
}

/** True when a callee path is a call of a logger factory (`pino()`, `logger.child()`). */
export function isLoggerFactoryPath(path: readonly string[]): boolean {
  return LOGGER_FACTORIES.some((entry) => matchesCallEntry(entry, path));
}

/** True when a receiver segment looks like a span: `span`, `activeSpan`, `getActiveSpan()`. */
export function isSpanName(segment: string): boolean {
  const name = stripCall(segment);
  if (SPAN_FACTORIES.includes(name)) return true;
  const words = splitWords(name);
  return words[words.length - 1] === 'span';
}

/**
 * Matches a callee's access path (`["console","log"]`, `["this","logger","info"]`,
 * `["logger","child()","warn"]`) against the catalog. The path should already have aliases
 * followed (see `calleeTarget` in `../flow`).
 */
export function matchSink(path: readonly string[], options: SinkMatchOptions = {}): SinkMatch | undefined {
  for (const entry of options.extraSinks ?? []) {
    if (matchesCallEntry(entry, path)) return { category: 'custom', id: entry };
  }
  const method = path[path.length - 1];
  if (method === undefined || method.endsWith('()')) return undefined;
  if (path.length === 1) {
    if (options.calleeIsDebugLogger) return { category: 'debug', id: 'debug' };
    if (options.calleeFromSentry && SENTRY_SET.has(method)) return { category: 'error-tracker', id: 'sentry' };
    // A bare `log(...)`/`logger(...)` is a logging helper in practice.
    if (BARE_LOGGER_SET.has(method)) return { category: 'logger', id: 'logger' };
    return undefined;
  }
  const receiver = path[path.length - 2]!;
  if (path.length === 2 && receiver === 'console' && CONSOLE_SET.has(method)) return { category: 'console', id: 'console' };
  if (STDIO_SINKS.some((entry) => matchesCallEntry(entry, path))) return { category: 'stdio', id: 'stdio' };
  if (SENTRY_SET.has(method) && SENTRY_RECEIVER_SET.has(stripCall(receiver).toLowerCase())) return { category: 'error-tracker', id: 'sentry' };
  if (SPAN_SET.has(method) && (options.receiverIsSpan || isSpanName(receiver))) return { category: 'tracing', id: 'otel-span' };
  if (LEVEL_SET.has(method) && receiver !== 'console') {
    if (options.receiverIsLogger || isLoggerName(receiver)) return { category: 'logger', id: 'logger' };
    // `logger.child({ ... }).info(...)`, `log4js.getLogger().warn(...)`, `pino().info(...)`.
    if (receiver.endsWith('()') && isLoggerFactoryPath(path.slice(0, -1))) return { category: 'logger', id: 'logger' };
  }
  return undefined;
}

/** True for `Error`, `TypeError`, `HttpException`, `UnauthorizedException`: their message lands in logs. */
export function isErrorClassName(name: string): boolean {
  return ERROR_CLASS_SUFFIXES.some((suffix) => name === suffix || (name.endsWith(suffix) && /^[A-Z]/.test(name)));
}
