/**
 * The catalog of log and telemetry sinks: calls whose arguments end up in logs, error trackers or
 * traces. Data only; `../flow/sink-names.ts` matches a callee's access path against it (after the
 * flow module has followed aliases such as `const log = console.log` or `const { info } = logger`).
 *
 * Matching is by receiver name plus method, chosen so that `map.set`, `res.json` or `Math.log`
 * never match: level methods only count on receivers that are loggers by name or by origin.
 */

/** What a sink does with its arguments. */
export type SinkCategory =
  'console' | 'logger' | 'stdio' | 'error-tracker' | 'tracing' | 'analytics' | 'debug' | 'custom';

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
  // dd-trace (Datadog APM) spans: `span.setTag('user.token', token)`, `span.addTags({ ... })`.
  'setTag',
  'addTags',
];

/** Calls that return a span: `trace.getActiveSpan()`, `tracer.startSpan()`, dd-trace's `tracer.scope().active()`. */
export const SPAN_FACTORIES: readonly string[] = ['getActiveSpan', 'startSpan', 'getSpan', 'active'];

/** Process streams that end in logs. */
export const STDIO_SINKS: readonly string[] = ['process.stdout.write', 'process.stderr.write'];

/** Class names whose instances carry a message into logs: `new Error(msg)`, `new UnauthorizedException(msg)`. */
export const ERROR_CLASS_SUFFIXES: readonly string[] = ['Error', 'Exception'];

/** Function names that are logging helpers when called bare: `log('x')`, `logger('x')`. */
export const BARE_LOGGER_NAMES: readonly string[] = ['log', 'logger'];

/**
 * A telemetry, analytics or error-tracking SDK: what its calls are given is sent to the vendor's
 * servers, kept there and shown to everyone with access to the dashboard.
 */
export interface TelemetrySdk {
  /** Stable id of the SDK, e.g. `posthog`. */
  readonly id: string;
  readonly category: SinkCategory;
  /**
   * Modules the SDK object comes from: imported (default, namespace or named), required, or made by
   * what they export (`new PostHog(key)`, `Mixpanel.init(token)`, `require('dd-trace').init()`).
   */
  readonly modules: readonly string[];
  /**
   * Names the SDK object usually has, lower-case without separators (`posthog`, `datadogrum`): a
   * receiver so named (`posthog`, `posthogClient`, `window.analytics`) is the SDK by name only.
   */
  readonly receivers: readonly string[];
  /**
   * Methods that send their arguments, as the path after the SDK object (`capture`, `people.set`,
   * `getInstance().logEvent`); a method imported bare (`import { track } from ...`) matches its last part.
   */
  readonly methods: readonly string[];
}

/** Telemetry, analytics and error-tracking SDKs (their log-level and span methods are in the tables above). */
export const TELEMETRY_SDKS: readonly TelemetrySdk[] = [
  {
    id: 'posthog',
    category: 'analytics',
    modules: ['posthog-node', 'posthog-js', 'posthog-react-native', 'posthog-js/react'],
    receivers: ['posthog'],
    methods: [
      'capture',
      'captureException',
      'identify',
      'alias',
      'group',
      'groupIdentify',
      'register',
      'register_once',
      'setPersonProperties',
      'setPersonPropertiesForFlags',
    ],
  },
  {
    id: 'segment',
    category: 'analytics',
    modules: ['@segment/analytics-node', '@segment/analytics-next', 'analytics-node'],
    receivers: ['analytics', 'segment'],
    methods: ['track', 'identify', 'page', 'group', 'alias', 'screen'],
  },
  {
    id: 'mixpanel',
    category: 'analytics',
    modules: ['mixpanel', 'mixpanel-browser'],
    receivers: ['mixpanel'],
    methods: [
      'track',
      'identify',
      'alias',
      'register',
      'register_once',
      'people.set',
      'people.set_once',
      'people.append',
      'people.union',
    ],
  },
  {
    id: 'amplitude',
    category: 'analytics',
    modules: [
      '@amplitude/analytics-node',
      '@amplitude/analytics-browser',
      '@amplitude/analytics-react-native',
      'amplitude-js',
    ],
    receivers: ['amplitude'],
    methods: [
      'track',
      'logEvent',
      'identify',
      'setUserProperties',
      'setGroup',
      'groupIdentify',
      'getInstance().logEvent',
      'getInstance().setUserProperties',
    ],
  },
  {
    id: 'datadog',
    category: 'tracing',
    modules: ['@datadog/browser-rum', '@datadog/browser-logs', 'dd-trace'],
    receivers: ['datadogrum', 'datadoglogs'],
    methods: [
      'addAction',
      'addError',
      'setUser',
      'setUserProperty',
      'setGlobalContext',
      'setGlobalContextProperty',
      'setAccount',
    ],
  },
  {
    id: 'newrelic',
    category: 'tracing',
    modules: ['newrelic', '@newrelic/browser-agent'],
    receivers: ['newrelic'],
    methods: [
      'addCustomAttribute',
      'addCustomAttributes',
      'addCustomSpanAttribute',
      'addCustomSpanAttributes',
      'setCustomAttribute',
      'noticeError',
      'recordCustomEvent',
      'recordLogEvent',
      'addPageAction',
      'log',
    ],
  },
  {
    id: 'logrocket',
    category: 'analytics',
    modules: ['logrocket'],
    receivers: ['logrocket'],
    methods: ['identify', 'track', 'log', 'info', 'warn', 'error', 'debug', 'captureMessage', 'captureException'],
  },
  {
    id: 'bugsnag',
    category: 'error-tracker',
    modules: ['@bugsnag/js', '@bugsnag/browser', '@bugsnag/node', '@bugsnag/react-native', '@bugsnag/expo'],
    receivers: ['bugsnag'],
    methods: ['notify', 'leaveBreadcrumb', 'addMetadata', 'setUser', 'setContext'],
  },
  {
    id: 'rollbar',
    category: 'error-tracker',
    modules: ['rollbar'],
    receivers: ['rollbar'],
    methods: ['log', 'debug', 'info', 'warn', 'warning', 'error', 'critical', 'captureEvent'],
  },
  {
    id: 'honeybadger',
    category: 'error-tracker',
    modules: ['@honeybadger-io/js', '@honeybadger-io/react', 'honeybadger'],
    receivers: ['honeybadger'],
    methods: ['notify', 'notifyAsync', 'setContext', 'addBreadcrumb'],
  },
];

/** Receivers that stand for the global scope, skipped before an SDK's name: `window.analytics`, `this.posthog`. */
export const GLOBAL_RECEIVERS: readonly string[] = ['window', 'globalThis', 'self', 'this'];
