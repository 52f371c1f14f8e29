import type * as ts from 'typescript';
import { defineCheck, type CheckSuggestion, type Confidence, type TypeScript } from '../check.js';
import {
  accessPath,
  bindingTargetName,
  calleeName,
  constInitializer,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  staticString,
  type WalkStep,
} from '../ast/index.js';
import { inDevOrTestOnlyBranch } from '../context/index.js';
import { createFlowContext, valueSources } from '../flow/index.js';
import { classifyName, splitWords, type ClassifierOptions } from '../names/index.js';
import { apiLocationOf } from '../nonce/api-location.js';
import {
  constString,
  DISPLAY_SHORTENED_WORDS,
  isShortSlice,
  objectLiteralOf,
  objectPropertyValue as propertyOf,
} from '../ast/values.js';
import { stripCall } from '../flow/source-names.js';
import { functionsAround, RARE_SINK_PASS_AFTER, type CalleeNames } from '../flow/summaries/index.js';

type CookieAttribute = 'httpOnly' | 'secure' | 'sameSite';

export interface NoSecretInClientStorageOptions {
  /** Check cookies set by the server (Express, Fastify, Koa, Next.js, `Set-Cookie`, `cookie.serialize`). */
  readonly checkServerCookies: boolean;
  /** Attributes a credential cookie set by the server must have. */
  readonly requiredCookieAttributes: readonly CookieAttribute[];
  /** Cookie names that hold a session or credential besides secret-classified names. */
  readonly credentialCookieNames: readonly string[];
}

type MessageId = 'webStorage' | 'clientCookie' | 'insecureCookie' | 'addAttributes';

/** Words of a cookie name that make it a session credential (`sid`, `connect.sid`, `__Host-session`). */
const SESSION_COOKIE_WORDS = new Set(['session', 'sess', 'sid', 'auth', 'remember', 'login']);
/** Last words of a web-storage key that holds the signed-in state (`auth`, `authSession`, `sid`). */
const STORAGE_SESSION_WORDS = new Set(['session', 'sess', 'sid', 'auth']);
const DEFAULT_CREDENTIAL_COOKIE_NAMES = ['connect.sid', 'sid', 'session', 'sessionid', 'session_id', '__session'];
/** Calls that make a random id in the page (`uuidv4()`, `crypto.randomUUID()`, `nanoid()`). */
const PAGE_ID_GENERATORS = new Set(['uuid', 'v4', 'uuidv4', 'randomUUID', 'nanoid', 'cuid', 'createId', 'ulid']);
/** Objects of the global scope under which `localStorage`, `document` and `indexedDB` also live. */
const GLOBAL_PREFIXES = new Set(['window', 'globalThis', 'self']);
const WEB_STORAGES = new Set(['localStorage', 'sessionStorage']);
/** Key-value stores over IndexedDB, by module: the method that writes and where the key and value go. */
const IDB_WRAPPERS: readonly {
  readonly module: string;
  readonly path: readonly string[];
  readonly key?: number;
  readonly value: number;
}[] = [
  { module: 'idb-keyval', path: ['set'], key: 0, value: 1 },
  { module: 'localforage', path: ['setItem'], key: 0, value: 1 },
];
/** Libraries that write `document.cookie` for the page. */
const CLIENT_COOKIE_LIBRARIES = new Set(['js-cookie', 'typescript-cookie', 'browser-cookies']);
/**
 * What a cookie setter defaults to when the attribute is absent: Koa sets `httpOnly` by default and
 * `secure` whenever the request came over HTTPS (`cookies` derives it from `ctx.request.secure`).
 */
type CookieDefaults = Partial<Record<CookieAttribute, boolean>>;
const KOA_DEFAULTS: CookieDefaults = { httpOnly: true, secure: true };
/** The classifier's kind for a name that only says "cookie" (`cookieValue`, `dub_id_cookie`). */
const COOKIE_KIND = 'cookie';
const CLIENT_READABLE_STORE = {
  localStorage: 'localStorage',
  sessionStorage: 'sessionStorage',
  indexedDB: 'IndexedDB',
} as const;

/**
 * Flags secrets written where page scripts can read them (`localStorage`, `sessionStorage`,
 * `document.cookie`, IndexedDB) and credential cookies set by the server without `httpOnly`,
 * `secure` or `sameSite`.
 */
export const noSecretInClientStorage = defineCheck<NoSecretInClientStorageOptions, MessageId>({
  id: 'no-secret-in-client-storage',
  meta: {
    type: 'problem',
    description: 'Disallow secrets in browser storage and credential cookies without httpOnly, secure and sameSite',
    messages: {
      webStorage:
        "'{{name}}' is written to {{storage}}, which every script on the page can read (one XSS and it is gone): keep it in memory or in an httpOnly cookie.",
      clientCookie:
        "'{{name}}' is written to document.cookie, which cannot be httpOnly: set credential cookies from the server with httpOnly, secure and sameSite.",
      insecureCookie: "Cookie '{{name}}' carries a credential but is set without {{missing}}.",
      addAttributes: 'Add {{attributes}}.',
    },
    schema: {
      type: 'object',
      properties: {
        checkServerCookies: {
          type: 'boolean',
          description:
            'Check cookies set by the server (Express, Fastify, Koa, Next.js, Set-Cookie headers, cookie.serialize).',
        },
        requiredCookieAttributes: {
          type: 'array',
          items: { enum: ['httpOnly', 'secure', 'sameSite'] },
          uniqueItems: true,
          description: 'Attributes a credential cookie set by the server must have.',
        },
        credentialCookieNames: {
          type: 'array',
          items: { type: 'string' },
          description: 'Cookie names that hold a session or credential, besides names the classifier calls secret.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      checkServerCookies: true,
      requiredCookieAttributes: ['httpOnly', 'secure', 'sameSite'],
      credentialCookieNames: DEFAULT_CREDENTIAL_COOKIE_NAMES,
    },
    level: 'recommended',
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    const { sourceFile, options } = context;
    const classifier: ClassifierOptions = context.settings;
    const flow = createFlowContext(t, { checker: context.checker, settings: context.settings });
    const credentialNames = new Set(options.credentialCookieNames.map((n) => n.toLowerCase()));

    /** The display name of the secret a stored value carries, judged by its key and its value. */
    const secretStored = (
      key: string | undefined,
      value: ts.Expression | undefined,
      sink: 'storage' | 'cookie' = 'storage',
    ): string | undefined => {
      // `setItem('jwt', '')`, `localStorage.token = null`: clearing on logout stores nothing.
      if (value && isConstant(t, value)) return undefined;
      // `setItem('apiKeyHint', apiKey.slice(-4))`: shortened for display on purpose.
      if (key !== undefined && splitWords(key).some((w) => DISPLAY_SHORTENED_WORDS.has(w))) return undefined;
      if (value && isShortSlice(t, skipOuterExpressions(t, value))) return undefined;
      if (key !== undefined && isCredentialStorageKey(key)) return key;
      if (!value) return undefined;
      // Written to a cookie, a value named for a cookie (`dubIdCookieValue`, `buildUiCookie()`) only
      // says where it goes, not that it is a credential.
      const sources = valueSources(flow, value).filter(
        (f) => sink !== 'cookie' || !(f.source.reason === 'name' && f.source.kind === COOKIE_KIND),
      );
      return sources[0]?.source.name;
    };
    /** A storage key that holds credentials: a secret name, or one ending in `auth`/`session`/`sid`. */
    function isCredentialStorageKey(key: string): boolean {
      if (classifyName(key, classifier).isSecret) return true;
      const words = splitWords(key);
      return STORAGE_SESSION_WORDS.has(words[words.length - 1] ?? '');
    }
    function isCredentialCookie(name: string | undefined): boolean {
      if (name === undefined) return false;
      if (credentialNames.has(name.toLowerCase())) return true;
      const kind = classifyName(name, classifier);
      // Every cookie name may say "cookie" (`dub_id_cookie`); that word alone names no credential.
      if (kind.isSecret && kind.kind !== COOKIE_KIND) return true;
      const words = splitWords(name);
      return words.some((w) => SESSION_COOKIE_WORDS.has(w)) && kind.verdict !== 'metadata';
    }
    /**
     * A session id the page makes for itself under a session name (`gb_session_id` set to
     * `Cookies.get(SESSION_ID_COOKIE) || uuidv4()`): an analytics or tab session that no server issued,
     * so whoever reads it gains nothing they could not make. A name for a token, key or secret stays
     * reported however its value is made.
     */
    const isPageMadeSessionId = (name: string, value: ts.Expression): boolean => {
      const c = classifyName(name, classifier);
      if (c.isSecret && c.kind !== 'session') return false;
      const made = (node: ts.Expression, depth: number): 'made' | 'read' | undefined => {
        const expr = skipOuterExpressions(t, node);
        if (t.isIdentifier(expr) && depth < 3) {
          const init = constInitializer(t, resolveIdentifier(t, expr, context.checker));
          return init ? made(init, depth + 1) : undefined;
        }
        if (
          t.isBinaryExpression(expr) &&
          (expr.operatorToken.kind === t.SyntaxKind.BarBarToken ||
            expr.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken)
        ) {
          const sides = [made(expr.left, depth), made(expr.right, depth)];
          return sides.includes(undefined) || !sides.includes('made') ? undefined : 'made';
        }
        if (!t.isCallExpression(expr)) return undefined;
        const callee = calleeName(t, expr.expression);
        if (callee !== undefined && PAGE_ID_GENERATORS.has(callee)) return 'made';
        // The id read back from where it is kept (`Cookies.get(SESSION_ID_COOKIE)`, `getItem(key)`).
        return callee === 'get' || callee === 'getItem' ? 'read' : undefined;
      };
      return made(value, 0) === 'made';
    };
    /** A string known statically: a literal or `const`, else (with a checker) a string-literal type (`AUTH_TOKEN` imported). */
    const knownString = (node: ts.Expression): string | undefined => {
      const known = constString(t, node);
      if (known !== undefined || !context.checker) return known;
      const type = context.checker.getTypeAtLocation(skipOuterExpressions(t, node));
      return type.isStringLiteral() ? type.value : undefined;
    };
    /** The project's own storage wrapper a call goes through (see `storageWrapperIn`). */
    const storageWrapperOf = (callee: ts.Expression): StorageWrapper | undefined => {
      // Resolving every call's callee costs checker work: none is a wrapper where nothing calls setItem.
      if (!mayWrapStorage(context.program) || !mayNameStorageWrapper(t, context.program, callee)) return undefined;
      const expr = skipOuterExpressions(t, callee);
      let decl: ts.Node | undefined;
      if (t.isIdentifier(expr)) decl = resolveIdentifier(t, expr, context.checker);
      else if (context.checker && t.isPropertyAccessExpression(expr)) {
        const symbol = context.checker.getSymbolAtLocation(expr.name);
        decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      }
      if (
        decl &&
        (t.isVariableDeclaration(decl) || t.isPropertyDeclaration(decl) || t.isPropertyAssignment(decl)) &&
        decl.initializer
      ) {
        decl = skipOuterExpressions(t, decl.initializer);
      }
      if (!decl || !isFunctionLike(t, decl) || decl.getSourceFile().isDeclarationFile) return undefined;
      return storageWrapperIn(t, decl);
    };
    /** Development- or test-only code (`if (AUTH_PROVIDER === 'local')`) is reported at medium confidence. */
    const confidenceAt = (node: ts.Node, base: Confidence = 'high'): Confidence =>
      base === 'high' && inDevOrTestOnlyBranch(t, node) ? 'medium' : base;

    const reportCookie = (
      node: ts.Node,
      name: string,
      missing: CookieAttribute[],
      suggestion?: CheckSuggestion<MessageId>,
      confidence: Confidence = 'high',
    ) => {
      const required = missing.filter(
        (m) => options.requiredCookieAttributes.includes(m) && !(m === 'httpOnly' && isCsrfCookie(name)),
      );
      if (required.length === 0) return;
      context.report({
        node,
        messageId: 'insecureCookie',
        data: { name, missing: required.join(', ') },
        suggestions: suggestion ? [suggestion] : [],
        confidence: confidenceAt(node, confidence),
      });
    };
    const reportWebStorage = (node: ts.Node, name: string, storage: string) =>
      context.report({ node, messageId: 'webStorage', data: { name, storage }, confidence: confidenceAt(node) });
    const reportClientCookie = (node: ts.Node, name: string) =>
      context.report({ node, messageId: 'clientCookie', data: { name }, confidence: confidenceAt(node) });

    /** The credential a `name=value; …` cookie string carries: by its name if known, else by its value part only. */
    const cookieStringSecret = (cookie: CookieString, whole: ts.Expression): string | undefined => {
      const name = cookie.name.every((p) => typeof p === 'string' || knownString(p) !== undefined)
        ? cookie.name
            .map((p) => (typeof p === 'string' ? p : knownString(p)!))
            .join('')
            .trim()
        : undefined;
      if (!cookie.valueSeen) return isCredentialCookie(name) ? name : secretStored(undefined, whole, 'cookie');
      // `${cookieKey}=true`, `sid=; Max-Age=0`: a value made only of text carries nothing, whatever the name.
      if (cookie.value.length === 0 || cookie.value.every((v) => isConstant(t, v))) return undefined;
      if (isCredentialCookie(name)) return name;
      for (const v of cookie.value) {
        const secret = secretStored(undefined, v, 'cookie');
        if (secret) return secret;
      }
      return undefined;
    };

    const checkOptionsCookie = (
      call: ts.CallExpression,
      nameNode: ts.Expression | undefined,
      value: ts.Expression | undefined,
      optionsArg: ts.Expression | undefined,
      defaults: CookieDefaults,
      optionsIndex: number,
    ) => {
      if (value && isConstant(t, value)) return; // `res.cookie('session', '', { expires: new Date(0) })` clears it
      const name = nameNode ? knownString(nameNode) : undefined;
      const secret = isCredentialCookie(name) ? name : secretStored(undefined, value, 'cookie');
      if (!secret) return;
      const literal = optionsArg ? objectLiteralOf(t, optionsArg) : undefined;
      if (optionsArg && !literal) return; // options built elsewhere: not judged
      // A cookie whose name the code computes is judged by the function that sets it (`attachCSRFToken`).
      const csrf = isCsrfCookie(name ?? secret) || (name === undefined && inCsrfFunction(t, call));
      const missing = missingAttributes(t, literal, defaults).filter((m) => !(m === 'httpOnly' && csrf));
      const required = missing.filter((m) => options.requiredCookieAttributes.includes(m));
      if (required.length === 0) return;
      reportCookie(
        call,
        name ?? secret,
        missing,
        addAttributesSuggestion(t, sourceFile, call, literal, required, optionsIndex),
      );
    };

    return {
      visit(node) {
        if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken) {
          const path = globalPath(t, node.left);
          if (!path) return;
          // localStorage.token = t; localStorage['jwt'] = t
          if (path.length === 2 && WEB_STORAGES.has(path[0]!)) {
            const name = secretStored(path[1], node.right);
            if (name) reportWebStorage(node, name, path[0]!);
            return;
          }
          if (path.length === 2 && path[0] === 'document' && path[1] === 'cookie') {
            if (isConstant(t, node.right)) return; // a static string (an expiry that clears a cookie) carries no secret
            // `document.cookie = generateCookie({ name, value, maxAge })`: judged by the name and value given.
            const built = cookieBuilderArguments(t, node.right);
            const name = built
              ? isConstant(t, built.value)
                ? undefined
                : isCredentialCookie(built.name && knownString(built.name))
                  ? knownString(built.name!)
                  : secretStored(undefined, built.value, 'cookie')
              : cookieStringSecret(parseCookieString(t, node.right), node.right);
            if (name) reportClientCookie(node, name);
          }
          return;
        }
        if (!t.isCallExpression(node)) return;
        const method = calleeName(t, node.expression);
        const [first, second, third] = node.arguments;
        // localStorage.setItem('token', t), (persist ? localStorage : sessionStorage).setItem(key, t)
        const storage = method === 'setItem' ? webStorageOf(t, node.expression) : undefined;
        if (storage) {
          const key = first ? knownString(first) : undefined;
          if (key !== undefined && second && isPageMadeSessionId(key, second)) return;
          const name = secretStored(key, second);
          if (name) reportWebStorage(node, name, storage);
          return;
        }
        // The project's own wrapper: `setItem(AUTH_TOKEN, token)` where `setItem(key, data)` writes `localStorage.setItem(key, …)`.
        const own = node.arguments.length > 0 ? storageWrapperOf(node.expression) : undefined;
        if (own) {
          // A fixed credential key is reported inside the wrapper already.
          if (typeof own.key === 'string' && isCredentialStorageKey(own.key)) return;
          const keyArg = typeof own.key === 'number' ? node.arguments[own.key] : undefined;
          const key = typeof own.key === 'string' ? own.key : keyArg && knownString(keyArg);
          const name = secretStored(key, node.arguments[own.value]);
          if (name) reportWebStorage(node, name, own.storage);
          return;
        }
        // db.transaction('auth').objectStore('tokens').put({ accessToken })
        if ((method === 'put' || method === 'add') && first && isObjectStore(t, node.expression)) {
          const name = secretStored(undefined, first);
          if (name) reportWebStorage(node, name, CLIENT_READABLE_STORE.indexedDB);
          return;
        }
        const location = apiLocationOf(t, node.expression);
        // js-cookie `Cookies.set('token', t)`: a cookie written by page script cannot be httpOnly.
        if (
          location &&
          CLIENT_COOKIE_LIBRARIES.has(location.module) &&
          location.path.join('.') === 'set' &&
          first &&
          second
        ) {
          if (isConstant(t, second)) return;
          const cookieName = knownString(first);
          if (cookieName !== undefined && isPageMadeSessionId(cookieName, second)) return;
          const name = isCredentialCookie(cookieName) ? cookieName : secretStored(undefined, second, 'cookie');
          if (name) reportClientCookie(node, name);
          return;
        }
        // zustand `persist(creator, { name })` writes the whole state to localStorage unless `partialize` picks fields.
        if (location && location.module === 'zustand/middleware' && location.path.join('.') === 'persist' && first) {
          const options = second ? objectLiteralOf(t, second) : undefined;
          if (options && propertyOf(t, options, 'partialize')) return;
          const field = secretStateField(t, first, classifier);
          if (field) reportWebStorage(node, field, 'localStorage (zustand persist)');
          return;
        }
        const wrapper =
          location &&
          IDB_WRAPPERS.find((w) => w.module === location.module && w.path.join('.') === location.path.join('.'));
        if (wrapper) {
          const keyArg = wrapper.key === undefined ? undefined : node.arguments[wrapper.key];
          const name = secretStored(keyArg && knownString(keyArg), node.arguments[wrapper.value]);
          if (name) reportWebStorage(node, name, CLIENT_READABLE_STORE.indexedDB);
          return;
        }
        if (!options.checkServerCookies || !method) return;
        const receiver = skipOuterExpressions(t, node.expression);
        const receiverPath = t.isPropertyAccessExpression(receiver)
          ? accessPath(t, receiver.expression)?.map(stripCall)
          : undefined;
        // Express res.cookie(name, value, options); Fastify reply.setCookie(name, value, options)
        if ((method === 'cookie' || method === 'setCookie') && receiverPath && second) {
          checkOptionsCookie(node, first, second, third, {}, 2);
          return;
        }
        // cookie.serialize(name, value, options)
        if (method === 'serialize' && location?.module === 'cookie') {
          checkOptionsCookie(node, first, second, third, {}, 2);
          return;
        }
        // Next.js cookies().set(...), (await cookies()).set(...), response.cookies.set(...); Koa ctx.cookies.set(...)
        if (
          method === 'set' &&
          receiverPath &&
          (receiverPath[receiverPath.length - 1] === 'cookies' || isCookieStore(t, receiver))
        ) {
          const defaults = receiverPath.length === 2 && receiverPath[0] === 'ctx' ? KOA_DEFAULTS : {};
          const single = first ? objectLiteralOf(t, first) : undefined;
          if (single && node.arguments.length === 1) {
            // cookies().set({ name, value, httpOnly, ... })
            const name = propertyOf(t, single, 'name');
            const nameText = name && knownString(name);
            const value = propertyOf(t, single, 'value');
            if (value && isConstant(t, value)) return;
            const secret = isCredentialCookie(nameText) ? nameText : secretStored(undefined, value, 'cookie');
            if (!secret) return;
            const missing = missingAttributes(t, single, defaults);
            const required = missing.filter((m) => options.requiredCookieAttributes.includes(m));
            if (required.length > 0)
              reportCookie(
                node,
                nameText ?? secret,
                missing,
                addAttributesSuggestion(t, sourceFile, node, single, required, 0),
              );
            return;
          }
          if (second) checkOptionsCookie(node, first, second, third, defaults, 2);
          return;
        }
        // res.setHeader('Set-Cookie', 'session=' + id + '; Path=/'), headers.append('set-cookie', ...)
        if (
          (method === 'setHeader' || method === 'append' || method === 'set' || method === 'header') &&
          first &&
          second
        ) {
          if (constString(t, first)?.toLowerCase() !== 'set-cookie') return;
          const values = t.isArrayLiteralExpression(skipOuterExpressions(t, second))
            ? (skipOuterExpressions(t, second) as ts.ArrayLiteralExpression).elements
            : [second];
          for (const value of values) {
            if (isConstant(t, value)) continue; // a fully static cookie string carries no secret (`sid=; Max-Age=0`)
            const cookie = parseCookieString(t, value);
            // Nothing of the string is visible (`res.setHeader('set-cookie', response.headers.getSetCookie())`,
            // a serializer's output): its attributes cannot be judged here.
            if (!cookie.valueSeen) continue;
            const secret = cookieStringSecret(cookie, value);
            if (!secret) continue;
            const missing = (['httpOnly', 'secure', 'sameSite'] as const).filter(
              (a) => !new RegExp(`(^|;)\\s*${a}\\b`, 'i').test(cookie.attributes),
            );
            // `; ${cookieOptions()}`: attributes written by a call this code does not show may well be there.
            reportCookie(value, secret, [...missing], undefined, cookie.opaqueAttributes ? 'medium' : 'high');
          }
        }
      },
    };
  },
});

/**
 * Literals, `null`, `undefined` and `const` strings: a constant written under a secret key is no secret
 * (a literal credential is no-hardcoded-secret's).
 */
function isConstant(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  if (t.isStringLiteralLike(expr) || t.isNumericLiteral(expr)) return true;
  if (t.isIdentifier(expr) && constString(t, expr) !== undefined) return true;
  if (
    expr.kind === t.SyntaxKind.NullKeyword ||
    expr.kind === t.SyntaxKind.TrueKeyword ||
    expr.kind === t.SyntaxKind.FalseKeyword
  )
    return true;
  return t.isIdentifier(expr) && expr.text === 'undefined';
}

/** A secret-named field of the state object a zustand state creator returns (`{ token: null, … }`). */
function secretStateField(t: TypeScript, creator: ts.Expression, classifier: ClassifierOptions): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): WalkStep => {
    if (t.isObjectLiteralExpression(node)) {
      for (const prop of node.properties) {
        const key =
          t.isPropertyAssignment(prop) || t.isShorthandPropertyAssignment(prop)
            ? propertyNameText(t, prop.name)
            : undefined;
        if (
          key !== undefined &&
          classifyName(key, classifier).isSecret &&
          !(t.isPropertyAssignment(prop) && isFunctionValue(t, prop.initializer))
        ) {
          found = key;
          return 'stop';
        }
      }
    }
  };
  const root = skipOuterExpressions(t, creator);
  if (visit(root) !== 'stop') forEachDescendant(t, root, visit);
  return found;
}

function isFunctionValue(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  return t.isArrowFunction(expr) || t.isFunctionExpression(expr);
}

/** The node sits in a function named for CSRF (`attachCSRFToken`, `const csrfMiddleware = () => …`). */
function inCsrfFunction(t: TypeScript, node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!isFunctionLike(t, n)) continue;
    const own = n.name && t.isIdentifier(n.name) ? n.name.text : undefined;
    const bound = n.parent ? bindingTargetName(t, n.parent) : undefined;
    if ([own, bound].some((name) => name !== undefined && isCsrfCookie(name))) return true;
  }
  return false;
}

/** A double-submit CSRF cookie must be readable by page script, so it is exempt from `httpOnly`. */
function isCsrfCookie(name: string): boolean {
  return splitWords(name).some((w) => w === 'csrf' || w === 'xsrf');
}

/** An access path with `window.`, `globalThis.` or `self.` removed from its front. */
function globalPath(t: TypeScript, node: ts.Expression): string[] | undefined {
  const path = accessPath(t, node);
  if (!path) return undefined;
  let start = 0;
  while (start < path.length - 1 && GLOBAL_PREFIXES.has(path[start]!)) start++;
  return path.slice(start);
}

/** `store` in `const store = await cookies(); store.set(...)` (Next.js). */
function isCookieStore(t: TypeScript, callee: ts.Expression): boolean {
  if (!t.isPropertyAccessExpression(callee)) return false;
  let receiver = skipOuterExpressions(t, callee.expression);
  if (t.isIdentifier(receiver)) {
    const init = constInitializer(t, resolveIdentifier(t, receiver, undefined));
    if (!init) return false;
    receiver = skipOuterExpressions(t, init);
  }
  if (t.isAwaitExpression(receiver)) receiver = skipOuterExpressions(t, receiver.expression);
  return t.isCallExpression(receiver) && calleeName(t, receiver.expression) === 'cookies';
}

/** `tx.objectStore('tokens').put`, or `store.put` where `const store = tx.objectStore(...)`. */
function isObjectStore(t: TypeScript, callee: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, callee);
  if (!t.isPropertyAccessExpression(expr)) return false;
  let receiver = skipOuterExpressions(t, expr.expression);
  if (t.isIdentifier(receiver)) {
    const init = constInitializer(t, resolveIdentifier(t, receiver, undefined));
    if (!init) return false;
    receiver = skipOuterExpressions(t, init);
  }
  return t.isCallExpression(receiver) && calleeName(t, receiver.expression) === 'objectStore';
}

/** A `name=value; attributes` cookie string taken apart at its static `=` and `;`. */
interface CookieString {
  /** The pieces before the first static `=`: text, or interpolated expressions (`${cookieKey}`). */
  readonly name: readonly (string | ts.Expression)[];
  /** Whether a static `=` was seen; if not, the string's structure is unknown. */
  readonly valueSeen: boolean;
  /** The expressions between the `=` and the first static `;`: what the cookie holds. */
  readonly value: readonly ts.Expression[];
  /** The static text after the first `;` (an interpolation there stands as `\u0000`). */
  readonly attributes: string;
  /** An interpolation after the `;` where attributes could be (`; ${cookieOptions()}`), not an attribute's value (`Max-Age=${age}`). */
  readonly opaqueAttributes: boolean;
}

/** Takes a cookie string apart: a literal, a template, or a `+` chain of them. */
function parseCookieString(t: TypeScript, node: ts.Expression): CookieString {
  const pieces: (string | ts.Expression)[] = [];
  const flatten = (n: ts.Expression): void => {
    const expr = skipOuterExpressions(t, n);
    const whole = staticString(t, expr);
    if (whole !== undefined) pieces.push(whole);
    else if (t.isTemplateExpression(expr)) {
      pieces.push(expr.head.text);
      for (const span of expr.templateSpans) pieces.push(span.expression, span.literal.text);
    } else if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken) {
      flatten(expr.left);
      flatten(expr.right);
    } else pieces.push(expr);
  };
  flatten(node);
  const name: (string | ts.Expression)[] = [];
  const value: ts.Expression[] = [];
  let part: 'name' | 'value' | 'attributes' = 'name';
  let attributes = '';
  let opaqueAttributes = false;
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (part === 'name') name.push(piece);
      else if (part === 'value') value.push(piece);
      else {
        if (!attributes.trimEnd().endsWith('=')) opaqueAttributes = true;
        attributes += '\u0000';
      }
      continue;
    }
    let text = piece;
    if (part === 'name') {
      const eq = text.indexOf('=');
      if (eq < 0) {
        name.push(text);
        continue;
      }
      name.push(text.slice(0, eq));
      text = text.slice(eq + 1);
      part = 'value';
    }
    if (part === 'value') {
      const semi = text.indexOf(';');
      if (semi < 0) continue;
      text = text.slice(semi + 1);
      part = 'attributes';
    }
    attributes += text;
  }
  return { name, valueSeen: part !== 'name', value, attributes, opaqueAttributes };
}

/** `generateCookie({ name, value, maxAge })`: a cookie-string builder given the name and value in one object. */
function cookieBuilderArguments(
  t: TypeScript,
  node: ts.Expression,
): { name: ts.Expression | undefined; value: ts.Expression } | undefined {
  const expr = skipOuterExpressions(t, node);
  if (!t.isCallExpression(expr) || expr.arguments.length !== 1) return undefined;
  const literal = objectLiteralOf(t, expr.arguments[0]!);
  const value = literal && propertyOf(t, literal, 'value');
  return value ? { name: propertyOf(t, literal, 'name'), value } : undefined;
}

/** The web storage a `setItem` call writes to: `localStorage.setItem`, `(s ? sessionStorage : localStorage).setItem`. */
function webStorageOf(t: TypeScript, callee: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(t, callee);
  if (!t.isPropertyAccessExpression(expr)) return undefined;
  const receiver = skipOuterExpressions(t, expr.expression);
  if (t.isConditionalExpression(receiver)) {
    const stores = [webStorageOfReceiver(t, receiver.whenTrue), webStorageOfReceiver(t, receiver.whenFalse)];
    if (stores.some((s) => s === undefined)) return undefined;
    return [...new Set(stores)].join(' or ');
  }
  return webStorageOfReceiver(t, receiver);
}

function webStorageOfReceiver(t: TypeScript, node: ts.Expression): string | undefined {
  const path = globalPath(t, node);
  return path?.length === 1 && WEB_STORAGES.has(path[0]!) ? path[0] : undefined;
}

/** A project function that writes one of its parameters to web storage: where the key and value go in. */
interface StorageWrapper {
  /** The parameter index of the key, or the key itself when the wrapper writes a fixed one. */
  readonly key: number | string;
  readonly value: number;
  readonly storage: string;
}

const storageWrappers = new WeakMap<ts.Node, StorageWrapper | null>();

/** Whether the program's own code calls `setItem` anywhere (a wrapper's body does), once per program. */
const programsCallingSetItem = new WeakMap<ts.Program, boolean>();
function mayWrapStorage(program: ts.Program | undefined): boolean {
  if (!program) return true;
  let calls = programsCallingSetItem.get(program);
  if (calls === undefined) {
    calls = program.getSourceFiles().some((f) => !f.isDeclarationFile && f.text.includes('setItem'));
    programsCallingSetItem.set(program, calls);
  }
  return calls;
}

const storageWrapperNames = new WeakMap<ts.Program, CalleeNames | null>();
const storageWrapperAsks = new WeakMap<ts.Program, number>();

/**
 * False when no function of the program that calls `setItem` (nor one it is nested in) bears the
 * callee's name or a rename of it (see `functionsAround`): such a callee is no wrapper, and needs no
 * checker to say so.
 */
function mayNameStorageWrapper(t: TypeScript, program: ts.Program | undefined, callee: ts.Expression): boolean {
  if (!program) return true;
  let names = storageWrapperNames.get(program);
  if (names === undefined) {
    // The pass walks every file: a lint of one file, which asks about few calls, never makes it.
    const asked = (storageWrapperAsks.get(program) ?? 0) + 1;
    storageWrapperAsks.set(program, asked);
    if (asked < RARE_SINK_PASS_AFTER) return true;
    const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile);
    names = functionsAround(t, files, (call) => calleeName(t, call.expression) === 'setItem') ?? null;
    storageWrapperNames.set(program, names);
  }
  return names?.mayReach(callee) ?? true;
}

/**
 * The wrapper a call goes through, when the callee is the project's own function (found lexically, or
 * with a checker across files; never in declaration files) whose body calls web storage's `setItem`
 * with a parameter as the value (`JSON.stringify(data)` too) and a parameter or a fixed string as the key.
 */
function storageWrapperIn(t: TypeScript, fn: ts.FunctionLikeDeclaration): StorageWrapper | undefined {
  const cached = storageWrappers.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  const parameterIndex = (node: ts.Expression | undefined): number => {
    let expr = node && skipOuterExpressions(t, node);
    while (
      expr &&
      t.isCallExpression(expr) &&
      expr.arguments.length === 1 &&
      ['JSON.stringify', 'String'].includes(accessPath(t, expr.expression)?.join('.') ?? '')
    ) {
      expr = skipOuterExpressions(t, expr.arguments[0]!);
    }
    if (!expr || !t.isIdentifier(expr)) return -1;
    return fn.parameters.findIndex((p) => t.isIdentifier(p.name) && p.name.text === expr.text);
  };
  let found: StorageWrapper | undefined;
  const visit = (node: ts.Node): WalkStep => {
    if (!t.isCallExpression(node) || calleeName(t, node.expression) !== 'setItem') return undefined;
    const storage = webStorageOf(t, node.expression);
    const value = parameterIndex(node.arguments[1]);
    if (!storage || value < 0) return undefined;
    const keyIndex = parameterIndex(node.arguments[0]);
    const key = keyIndex >= 0 ? keyIndex : node.arguments[0] && constString(t, node.arguments[0]);
    if (key === undefined) return undefined;
    found = { key, value, storage };
    return 'stop';
  };
  // An arrow's expression body is the call itself.
  if (fn.body && visit(fn.body) !== 'stop') forEachDescendant(t, fn.body, visit);
  storageWrappers.set(fn, found ?? null);
  return found;
}

/** Attributes an options literal leaves off or sets false (`secure: isProd` counts as set). */
function missingAttributes(
  t: TypeScript,
  literal: ts.ObjectLiteralExpression | undefined,
  defaults: CookieDefaults,
): CookieAttribute[] {
  const missing: CookieAttribute[] = [];
  if (literal?.properties.some((p) => t.isSpreadAssignment(p))) return missing; // spread from shared defaults: not judged
  for (const attribute of ['httpOnly', 'secure', 'sameSite'] as const) {
    const value = literal ? propertyOf(t, literal, attribute) : undefined;
    if (!value) {
      if (!defaults[attribute]) missing.push(attribute);
      continue;
    }
    const expr = skipOuterExpressions(t, value);
    if (
      expr.kind === t.SyntaxKind.FalseKeyword ||
      (attribute === 'sameSite' && staticString(t, expr)?.toLowerCase() === 'none')
    )
      missing.push(attribute);
  }
  return missing;
}

/** Adds `httpOnly: true, secure: true, sameSite: 'lax'` (the missing ones) to the options, or an options argument. */
function addAttributesSuggestion(
  t: TypeScript,
  sourceFile: ts.SourceFile,
  call: ts.CallExpression,
  literal: ts.ObjectLiteralExpression | undefined,
  missing: readonly CookieAttribute[],
  optionsIndex: number,
): CheckSuggestion<MessageId> | undefined {
  const TEXT: Record<CookieAttribute, string> = {
    httpOnly: 'httpOnly: true',
    secure: 'secure: true',
    sameSite: "sameSite: 'lax'",
  };
  // Only attributes that are absent can be added; one set to false needs a human decision.
  const absent = missing.filter((m) => !literal || !propertyOf(t, literal, m));
  if (absent.length === 0) return undefined;
  const attributes = absent.map((m) => TEXT[m]).join(', ');
  if (literal) {
    if (literal !== skipOuterExpressions(t, call.arguments[optionsIndex] ?? call.arguments[0]!)) return undefined; // a const elsewhere
    const last = literal.properties[literal.properties.length - 1];
    const edit = last
      ? { start: last.getEnd(), end: last.getEnd(), text: `, ${attributes}` }
      : { start: literal.getStart(sourceFile) + 1, end: literal.getEnd() - 1, text: ` ${attributes} ` };
    return { messageId: 'addAttributes', data: { attributes }, edits: [edit] };
  }
  if (call.arguments.length !== optionsIndex) return undefined;
  const end = call.arguments[call.arguments.length - 1]!.getEnd();
  return {
    messageId: 'addAttributes',
    data: { attributes },
    edits: [{ start: end, end, text: `, { ${attributes} }` }],
  };
}
