import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { accessPath, calleeName, shortText, skipOuterExpressions, staticString } from '../ast/index.js';
import {
  COOKIE_PROPERTIES,
  NAMED_VALUE_ACCESSORS,
  REQUEST_RECEIVERS,
  SECRET_CLASS_NAME,
  SECRET_REVEAL_METHOD,
  type SourceMatchOptions,
} from '../catalogs/sources.js';
import { classifyName } from '../names/index.js';
import { directEnvRead, envObjectRuntime } from './env-reads.js';
import { isCredentialCookieName, isCredentialHeader, pathText } from './source-names.js';

/**
 * Secret sources recognised on the syntax tree, from the tables in `../catalogs/sources.ts`: this file
 * only answers "is this very expression a source"; `./values.ts` follows values from here.
 */

const REQUEST_SET = new Set(REQUEST_RECEIVERS);

/** Why an expression is a source. */
export type SourceReason =
  /** Its name (identifier, property, object key, env var, accessor call) classifies as secret. */
  | 'name'
  /** `process.env.X` with a secret name, or the whole of `process.env`. */
  | 'env'
  /** An authorization-like request header, or the whole request header bag. */
  | 'header'
  /** Request cookies. */
  | 'cookie'
  /** The result of a decrypt-like call. */
  | 'decrypt'
  /** The result of `.reveal()` on the crypto core's `Secret`. */
  | 'reveal'
  /** A function whose declaration returns a secret. */
  | 'returns-secret'
  /** A function parameter, only while a function summary is computed (`FlowContext.parametersAsSources`). */
  | 'parameter';

/** A place where a secret value enters. */
export interface SecretSource {
  /** The expression (or binding, or property) that is the source; may lie in another file. */
  readonly node: ts.Node;
  /** A short display name for messages, e.g. `req.headers.authorization`; code text, never a value. */
  readonly name: string;
  /** What kind of secret, for messages: a `SecretKind` from the classifier or a source-specific kind. */
  readonly kind: string;
  readonly reason: SourceReason;
}

function isRequestBase(path: readonly string[]): boolean {
  // `req.headers`, `ctx.request.headers`, `c.req.headers`, `event.headers`, `this.request.headers`.
  const base = path[path.length - 1];
  return base !== undefined && REQUEST_SET.has(base);
}

/**
 * The request-borne source an access path denotes on its own: `req.headers.authorization`,
 * `req.headers` (the whole bag carries the credential headers), `req.cookies`, `req.signedCookies.sid`.
 */
export function sourceOfPath(
  path: readonly string[],
  node: ts.Node,
  options: SourceMatchOptions = {},
): SecretSource | undefined {
  const name = pathText(path);
  const headersAt = path.lastIndexOf('headers');
  if (headersAt > 0 && isRequestBase(path.slice(0, headersAt))) {
    if (headersAt === path.length - 1) return { node, name, kind: 'request headers', reason: 'header' };
    if (headersAt === path.length - 2) {
      const c = isCredentialHeader(path[headersAt + 1]!, options);
      if (c) return { node, name, kind: c.kind ?? 'authorization', reason: 'header' };
    }
    return undefined;
  }
  for (const cookies of COOKIE_PROPERTIES) {
    const at = path.lastIndexOf(cookies);
    if (at > 0 && (at === path.length - 1 || at === path.length - 2) && isRequestBase(path.slice(0, at))) {
      // `req.cookies.track`, `req.cookies.theme`: one cookie whose name says it is no credential.
      if (at === path.length - 2 && !isCredentialCookieName(path[at + 1]!, options)) return undefined;
      return { node, name, kind: 'cookie', reason: 'cookie' };
    }
  }
  return undefined;
}

/**
 * A call that reads one named credential: `req.get('Authorization')`, `req.header('x-api-key')`,
 * `headers.get('authorization')`, `config.get('JWT_SECRET')`.
 */
export function sourceOfNamedAccessor(
  t: TypeScript,
  call: ts.CallExpression,
  options: SourceMatchOptions = {},
): SecretSource | undefined {
  const method = calleeName(t, call.expression);
  if (
    !method ||
    !NAMED_VALUE_ACCESSORS.includes(method) ||
    !t.isPropertyAccessExpression(skipOuterExpressions(t, call.expression))
  )
    return undefined;
  const first = call.arguments[0];
  const key = first && staticString(t, first);
  if (key === undefined) return undefined;
  const c = isCredentialHeader(key, options);
  if (!c) return undefined;
  const receiver = accessPath(t, (skipOuterExpressions(t, call.expression) as ts.PropertyAccessExpression).expression);
  const name = `${receiver ? pathText(receiver) : '…'}.${method}(${JSON.stringify(key)})`;
  return { node: call, name, kind: c.kind ?? 'secret', reason: 'name' };
}

/**
 * An environment read that holds a secret: `process.env.API_KEY`, `process.env['DB_PASSWORD']`,
 * `import.meta.env.VITE_TOKEN`, `Deno.env.get('X')` (the env catalog finds the read; the
 * classifier judges the variable's name), or the whole environment object (`process.env`).
 */
export function sourceOfEnv(
  t: TypeScript,
  expr: ts.Expression,
  checker: ts.TypeChecker | undefined,
  options: SourceMatchOptions = {},
): SecretSource | undefined {
  const read = directEnvRead(t, expr, checker);
  if (read) {
    const c = classifyName(read.name, options.classifier);
    return c.isSecret ? { node: expr, name: shortText(expr), kind: c.kind ?? 'secret', reason: 'env' } : undefined;
  }
  if (envObjectRuntime(t, expr, checker))
    return { node: expr, name: shortText(expr), kind: 'environment', reason: 'env' };
  return undefined;
}

/** True when a type is the crypto core's `Secret` (a class named `Secret` with a `reveal` member). */
export function isSecretWrapperType(t: TypeScript, type: ts.Type): boolean {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol?.getName() === SECRET_CLASS_NAME && type.getProperty(SECRET_REVEAL_METHOD)) return true;
  if (type.isUnion()) {
    // `Secret | undefined` is still safe to print; a union with anything else is not.
    const rest = type.types.filter((m) => !(m.flags & (t.TypeFlags.Undefined | t.TypeFlags.Null)));
    return rest.length > 0 && rest.every((m) => isSecretWrapperType(t, m));
  }
  return false;
}

/**
 * True when a type contains the crypto core's `Secret` somewhere in its own properties (one level):
 * for checks that care where `Secret` objects go (a column of type `Secret` is serialized, not
 * printed).
 */
export function containsSecretWrapperType(
  t: TypeScript,
  checker: ts.TypeChecker,
  type: ts.Type,
  node: ts.Node,
): boolean {
  if (isSecretWrapperType(t, type)) return true;
  for (const prop of type.getProperties()) {
    const propType = checker.getTypeOfSymbolAtLocation(prop, node);
    if (isSecretWrapperType(t, propType)) return true;
  }
  return false;
}
