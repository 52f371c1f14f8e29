import type * as ts from 'typescript';
import { accessPath, resolveIdentifier, skipOuterExpressions } from '../ast/index.js';
import { GLOBAL_RECEIVERS, type TelemetrySdk } from '../catalogs/sinks.js';
import { importedFrom, originOf, requiredModule } from './aliases.js';
import type { FlowContext } from './context.js';
import {
  isLoggerName,
  isTelemetryFunction,
  isTelemetryMethod,
  isTelemetryMethodName,
  isTelemetryMethodPath,
  telemetrySdkOfModule,
  telemetrySdkOfName,
  type SinkMatch,
} from './sink-names.js';
import { pathText } from './source-names.js';

/**
 * Calls of telemetry, analytics and error-tracking SDKs (`catalogs/sinks.ts`, `TELEMETRY_SDKS`):
 * `posthog.capture(...)`, `analytics.track(...)`, `mixpanel.people.set(...)`, `Bugsnag.notify(...)`.
 * The SDK object is recognised by the module it comes from (an import or `require`, or what the
 * module's export makes: `new PostHog(key)`, `Mixpanel.init(token)`), by its type's declaration
 * in that module's package (with a checker), and otherwise by its name only (`nameOnly`).
 */

/** How many segments an SDK method path has at most (`getInstance().logEvent`, `people.set`). */
const MAX_METHOD_SEGMENTS = 2;

const GLOBAL_SET: ReadonlySet<string> = new Set(GLOBAL_RECEIVERS);

/** An SDK call, shaped as `./sinks.ts`'s `SinkCall` (which this file cannot import: it imports this one). */
export interface TelemetrySinkCall {
  readonly match: SinkMatch;
  readonly path: readonly string[];
  readonly display: string;
}

/** The SDK call `call` is, if any. */
export function telemetrySinkOf(ctx: FlowContext, call: ts.CallExpression): TelemetrySinkCall | undefined {
  const t = ctx.ts;
  const callee = skipOuterExpressions(t, call.expression);
  if (t.isIdentifier(callee)) return importedFunctionCall(ctx, callee);
  if (!t.isPropertyAccessExpression(callee) || !isTelemetryMethodName(callee.name.text)) return undefined;
  // The SDK object and the method path after it: `mixpanel` + `people.set` for `mixpanel.people.set`.
  let object: ts.Expression = callee.expression;
  const rest: string[] = [callee.name.text];
  for (let segments = 1; segments <= MAX_METHOD_SEGMENTS; segments++) {
    // Resolve the object only for a method path some SDK has: `map.set` is not `people.set`.
    const found = isTelemetryMethodPath(rest) ? sdkOfObject(ctx, object, rest) : undefined;
    if (found) {
      const path = accessPath(t, callee) ?? [...rest];
      const match = { category: found.sdk.category, id: found.sdk.id, ...(found.nameOnly ? { nameOnly: true } : {}) };
      return { match, path, display: pathText(path) };
    }
    const inner = skipOuterExpressions(t, object);
    if (t.isPropertyAccessExpression(inner)) {
      rest.unshift(inner.name.text);
      object = inner.expression;
    } else if (t.isCallExpression(inner) && t.isPropertyAccessExpression(inner.expression)) {
      rest.unshift(`${inner.expression.name.text}()`);
      object = inner.expression.expression;
    } else return undefined;
  }
  return undefined;
}

/** `track(...)` after `import { track } from '@amplitude/analytics-node'` (also renamed: `{ track as ampTrack }`). */
function importedFunctionCall(ctx: FlowContext, callee: ts.Identifier): TelemetrySinkCall | undefined {
  const t = ctx.ts;
  const decl = resolveIdentifier(t, callee, undefined);
  if (!decl || !t.isImportSpecifier(decl)) return undefined;
  const name = (decl.propertyName ?? decl.name).text;
  if (!isTelemetryMethodName(name)) return undefined;
  const module = importedFrom(ctx, callee);
  const sdk = module === undefined ? undefined : telemetrySdkOfModule(module);
  if (!sdk || !isTelemetryFunction(sdk, name)) return undefined;
  return { match: { category: sdk.category, id: sdk.id }, path: [callee.text], display: callee.text };
}

/** The SDK `object` is when `rest` is one of its sending methods, and whether only its name says so. */
function sdkOfObject(
  ctx: FlowContext,
  object: ts.Expression,
  rest: readonly string[],
): { sdk: TelemetrySdk; nameOnly: boolean } | undefined {
  const t = ctx.ts;
  const expr = skipOuterExpressions(t, object);
  const name = t.isIdentifier(expr)
    ? expr.text
    : t.isPropertyAccessExpression(expr) && isGlobalReceiver(t, expr.expression)
      ? expr.name.text
      : undefined;
  // `logger.info`, `console.log`: loggers are matched by the logger tables, whatever their origin.
  if (name === undefined || GLOBAL_SET.has(name) || isLoggerName(name)) return undefined;
  const sending = (sdk: TelemetrySdk | undefined) => (sdk && isTelemetryMethod(sdk, rest) ? sdk : undefined);
  const byName = sending(telemetrySdkOfName(name));
  const byModule = t.isIdentifier(expr) ? moduleSdk(ctx, expr) : undefined;
  if (byModule) return sending(byModule) ? { sdk: byModule, nameOnly: false } : undefined;
  const byType = typeSdk(ctx, expr);
  if (byType) return sending(byType) ? { sdk: byType, nameOnly: false } : undefined;
  return byName ? { sdk: byName, nameOnly: true } : undefined;
}

/** `window.analytics`, `this.posthog`, `globalThis.mixpanel`: a property of the global scope or of `this`. */
function isGlobalReceiver(t: FlowContext['ts'], expr: ts.Expression): boolean {
  const inner = skipOuterExpressions(t, expr);
  return inner.kind === t.SyntaxKind.ThisKeyword || (t.isIdentifier(inner) && GLOBAL_SET.has(inner.text));
}

/**
 * The SDK an identifier comes from: imported or required from its module (`import posthog from
 * 'posthog-js'`, `const newrelic = require('newrelic')`), or made by what the module exports
 * (`new PostHog(key)`, `Mixpanel.init(token)`, `require('dd-trace').init()`).
 */
function moduleSdk(ctx: FlowContext, id: ts.Identifier): TelemetrySdk | undefined {
  const direct = importedFrom(ctx, id);
  if (direct !== undefined) return telemetrySdkOfModule(direct);
  const module = moduleOfOrigin(ctx, originOf(ctx, id));
  return module === undefined ? undefined : telemetrySdkOfModule(module);
}

/** The module a value was made from: `posthog-node` for `new PostHog(key)` after `import { PostHog } from 'posthog-node'`. */
function moduleOfOrigin(ctx: FlowContext, origin: ts.Expression): string | undefined {
  const t = ctx.ts;
  let expr = skipOuterExpressions(t, origin);
  for (let hops = 0; hops < 4; hops++) {
    if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
    else if (t.isCallExpression(expr)) {
      const required = requiredModule(ctx, expr);
      if (required !== undefined) return required;
      expr = skipOuterExpressions(t, expr.expression);
    } else if (t.isNewExpression(expr) || t.isPropertyAccessExpression(expr))
      expr = skipOuterExpressions(t, expr.expression);
    else return t.isIdentifier(expr) ? importedFrom(ctx, expr) : undefined;
  }
  return undefined;
}

/** With a checker: the SDK whose package declares the object's type (`this.posthog: PostHog` from `posthog-node`). */
function typeSdk(ctx: FlowContext, expr: ts.Expression): TelemetrySdk | undefined {
  const checker = ctx.checker;
  if (!checker) return undefined;
  const type = checker.getTypeAtLocation(expr);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  for (const declaration of symbol?.getDeclarations() ?? []) {
    const module = ambientModuleOf(ctx, declaration) ?? packageOf(declaration.getSourceFile().fileName);
    const sdk = module === undefined ? undefined : telemetrySdkOfModule(module);
    if (sdk) return sdk;
  }
  return undefined;
}

/** The module an ambient declaration sits in: `declare module 'posthog-node' { export class PostHog … }`. */
function ambientModuleOf(ctx: FlowContext, declaration: ts.Node): string | undefined {
  const t = ctx.ts;
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (t.isModuleDeclaration(node) && t.isStringLiteral(node.name)) return node.name.text;
  }
  return undefined;
}

/** `…/node_modules/posthog-node/lib/index.d.ts` -> `posthog-node`; `…/node_modules/@types/mixpanel/…` -> `mixpanel`. */
function packageOf(fileName: string): string | undefined {
  const at = fileName.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = fileName.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  if (name?.startsWith('@types/')) {
    const typed = name.slice('@types/'.length);
    return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
  }
  return name;
}
