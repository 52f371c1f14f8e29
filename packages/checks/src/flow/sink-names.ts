import {
  BARE_LOGGER_NAMES,
  CONSOLE_METHODS,
  ERROR_CLASS_SUFFIXES,
  LOGGER_FACTORIES,
  LOGGER_LEVEL_METHODS,
  LOGGER_NAME_WORDS,
  LOGGER_RECEIVERS,
  SENTRY_METHODS,
  SENTRY_RECEIVERS,
  SPAN_FACTORIES,
  SPAN_METHODS,
  STDIO_SINKS,
  TELEMETRY_SDKS,
  type SinkCategory,
  type TelemetrySdk,
} from '../catalogs/sinks.js';
import { splitWords } from '../names/index.js';
import { matchesCallEntry, stripCall } from './source-names.js';

/**
 * Sinks recognised by name, from the tables in `../catalogs/sinks.ts`: is this callee path a log,
 * error-tracker or span call? `./sinks.ts` asks these on the paths it resolves through aliases.
 */

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

/** A sink a callee matched. */
export interface SinkMatch {
  readonly category: SinkCategory;
  /** A stable id of the catalog entry, e.g. `console`, `logger`, `sentry`, `otel-span`. */
  readonly id: string;
  /** The receiver is the sink by its name only (no import, constructor or type seen): `posthog.capture(...)`. */
  readonly nameOnly?: boolean;
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

const SINK_METHOD_SET = new Set([
  ...CONSOLE_METHODS,
  ...LOGGER_LEVEL_METHODS,
  ...SENTRY_METHODS,
  ...SPAN_METHODS,
  'write',
]);

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
  if (path.length === 2 && receiver === 'console' && CONSOLE_SET.has(method))
    return { category: 'console', id: 'console' };
  if (STDIO_SINKS.some((entry) => matchesCallEntry(entry, path))) return { category: 'stdio', id: 'stdio' };
  if (SENTRY_SET.has(method) && SENTRY_RECEIVER_SET.has(stripCall(receiver).toLowerCase()))
    return { category: 'error-tracker', id: 'sentry' };
  if (SPAN_SET.has(method) && (options.receiverIsSpan || isSpanName(receiver)))
    return { category: 'tracing', id: 'otel-span' };
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

const TELEMETRY_LAST_METHODS = new Set(TELEMETRY_SDKS.flatMap((sdk) => sdk.methods.map((m) => m.split('.').pop()!)));

const TELEMETRY_METHOD_PATHS = new Set(TELEMETRY_SDKS.flatMap((sdk) => sdk.methods));

/** True when some telemetry SDK has this method path after its object (`["people","set"]`, `["capture"]`). */
export function isTelemetryMethodPath(rest: readonly string[]): boolean {
  return TELEMETRY_METHOD_PATHS.has(rest.join('.'));
}

/** True when a method name is the last part of some telemetry SDK method (`capture`, `track`, `set`): a cheap first test. */
export function isTelemetryMethodName(name: string): boolean {
  return TELEMETRY_LAST_METHODS.has(name);
}

/** The SDK a module belongs to: `posthog-node` -> PostHog. */
export function telemetrySdkOfModule(module: string): TelemetrySdk | undefined {
  return TELEMETRY_SDKS.find((sdk) => sdk.modules.includes(module));
}

/**
 * The SDK a receiver is by its name: `posthog`, `posthogClient`, `LogRocket`, `datadogRum`,
 * `analytics` (its first one or two words, joined, are an SDK's receiver name).
 */
export function telemetrySdkOfName(segment: string): TelemetrySdk | undefined {
  const words = splitWords(stripCall(segment));
  const heads = [words[0], words.slice(0, 2).join('')].filter((w): w is string => w !== undefined && w !== '');
  return TELEMETRY_SDKS.find((sdk) => heads.some((h) => sdk.receivers.includes(h)));
}

/** True when `rest` (the path after the SDK object: `["people","set"]`) is a method of the SDK that sends its arguments. */
export function isTelemetryMethod(sdk: TelemetrySdk, rest: readonly string[]): boolean {
  const text = rest.join('.');
  return sdk.methods.includes(text);
}

/** True when a bare function imported from the SDK's module (`import { track } from '@amplitude/analytics-node'`) sends its arguments. */
export function isTelemetryFunction(sdk: TelemetrySdk, name: string): boolean {
  return sdk.methods.includes(name);
}
