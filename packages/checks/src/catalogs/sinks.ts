/**
 * The catalog of log and telemetry sinks: calls whose arguments end up in logs, error trackers or
 * traces. Data only; `../flow/sink-names.ts` matches a callee's access path against it (after the
 * flow module has followed aliases such as `const log = console.log` or `const { info } = logger`).
 *
 * Matching is by receiver name plus method, chosen so that `map.set`, `res.json` or `Math.log`
 * never match: level methods only count on receivers that are loggers by name or by origin.
 */

/** What a sink does with its arguments. */
export type SinkCategory = 'console' | 'logger' | 'stdio' | 'error-tracker' | 'tracing' | 'debug' | 'custom';

/** Methods of the global `console` that print their arguments. */
export const CONSOLE_METHODS: readonly string[] = [
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'dir',
  'dirxml',
  'table',
  'group',
  'groupCollapsed',
  'assert',
  'timeLog',
];

/** Level methods of pino, winston, bunyan, log4js, NestJS `Logger`, Fastify's `log`, consola, signale. */
export const LOGGER_LEVEL_METHODS: readonly string[] = [
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'silly',
  'http',
  'notice',
  'critical',
  'crit',
  'alert',
  'emerg',
  'success',
  'succeed',
  'fail',
  'ready',
  'start',
];

/**
 * Receiver names that are loggers: exact (lower-case) names, plus any name whose last word is one
 * of `LOGGER_NAME_WORDS` (`appLogger`, `this.requestLogger`, NestJS `Logger`, `consoleLog`,
 * `devConsole`). `log` covers Fastify's `request.log`, `reply.log` and `fastify.log`.
 */
export const LOGGER_RECEIVERS: readonly string[] = [
  'log',
  'logger',
  'pino',
  'winston',
  'bunyan',
  'log4js',
  'consola',
  'signale',
  'npmlog',
  'roarr',
  'tslog',
];

/** Last words that make a receiver name a logger: `appLogger`, `auditLog`, `devConsole`. Whole words only: `catalog`, `dialog` are not. */
export const LOGGER_NAME_WORDS: readonly string[] = ['logger', 'log', 'console', 'logging'];

/** Calls that return a logger: `pino()`, `winston.createLogger()`, `log4js.getLogger()`, `logger.child()`. */
export const LOGGER_FACTORIES: readonly string[] = [
  'pino',
  'createLogger',
  'getLogger',
  'child',
  'bunyan.createLogger',
  'winston.createLogger',
  'log4js.getLogger',
  'consola.create',
  'consola.withTag',
  'useLogger',
];

/**
 * Logger methods whose first argument (the bindings) is written into every later line of the
 * returned logger: pino/bunyan/winston `logger.child({ requestId })`. Only on logger receivers.
 */
export const LOGGER_BINDING_METHODS: readonly string[] = ['child'];

/** HTTP request-logger middleware whose format string names headers to print on every line: morgan. */
export const REQUEST_LOGGER_MODULES: readonly string[] = ['morgan'];

/** Module names whose default export is a `debug`-style factory: `createDebug('app:auth')` returns a log function. */
export const DEBUG_FACTORY_MODULES: readonly string[] = ['debug'];

/** Names a `debug` factory is usually imported under. */
export const DEBUG_FACTORY_NAMES: readonly string[] = ['debug', 'createDebug', 'Debug', 'debugFactory', 'makeDebug'];

/** Sentry functions that send their arguments to the error tracker. */
export const SENTRY_METHODS: readonly string[] = [
  'captureMessage',
  'captureException',
  'captureEvent',
  'setExtra',
  'setExtras',
  'setContext',
  'setTag',
  'setTags',
  'setUser',
  'addBreadcrumb',
];

/** Receivers of the Sentry methods: the namespace and the scopes handed out by `withScope`. */
export const SENTRY_RECEIVERS: readonly string[] = ['sentry', 'scope', 'isolationscope', 'currentscope'];

/** Modules a bare `captureException(...)` import must come from. */
export const SENTRY_MODULE_PREFIX = '@sentry/';

/** OpenTelemetry span methods that record attributes and events; the receiver's name ends in `span`. */
export const SPAN_METHODS: readonly string[] = [
  'setAttribute',
  'setAttributes',
  'addEvent',
  'recordException',
  'setStatus',
];

/** Calls that return a span: `trace.getActiveSpan()`, `tracer.startSpan()`. */
export const SPAN_FACTORIES: readonly string[] = ['getActiveSpan', 'startSpan', 'getSpan'];

/** Process streams that end in logs. */
export const STDIO_SINKS: readonly string[] = ['process.stdout.write', 'process.stderr.write'];

/** Class names whose instances carry a message into logs: `new Error(msg)`, `new UnauthorizedException(msg)`. */
export const ERROR_CLASS_SUFFIXES: readonly string[] = ['Error', 'Exception'];

/** Function names that are logging helpers when called bare: `log('x')`, `logger('x')`. */
export const BARE_LOGGER_NAMES: readonly string[] = ['log', 'logger'];
