import type * as ts from 'typescript';
import { defineCheck, type CheckSuggestion, type TypeScript } from '../check.js';
import { accessPath, calleeName, constInitializer, forEachDescendant, propertyNameText, resolveIdentifier, skipOuterExpressions, staticString, type WalkStep } from '../ast/index.js';
import { stripCall } from '../catalogs/sources.js';
import { createFlowContext, valueSources } from '../flow/index.js';
import { classifyName, splitWords, type ClassifierOptions } from '../names/index.js';
import { apiLocationOf } from '../nonce/api-location.js';
import { constString, DISPLAY_SHORTENED_WORDS, isShortSlice, objectLiteralOf, objectPropertyValue as propertyOf } from '../ast/values.js';

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
/** Objects of the global scope under which `localStorage`, `document` and `indexedDB` also live. */
const GLOBAL_PREFIXES = new Set(['window', 'globalThis', 'self']);
const WEB_STORAGES = new Set(['localStorage', 'sessionStorage']);
/** Key-value stores over IndexedDB, by module: the method that writes and where the key and value go. */
const IDB_WRAPPERS: readonly { readonly module: string; readonly path: readonly string[]; readonly key?: number; readonly value: number }[] = [
  { module: 'idb-keyval', path: ['set'], key: 0, value: 1 },
  { module: 'localforage', path: ['setItem'], key: 0, value: 1 },
];
/** Libraries that write `document.cookie` for the page. */
const CLIENT_COOKIE_LIBRARIES = new Set(['js-cookie', 'typescript-cookie', 'browser-cookies']);
/** What a cookie setter defaults to when the attribute is absent (Koa sets httpOnly by default). */
type CookieDefaults = Partial<Record<CookieAttribute, boolean>>;
const KOA_DEFAULTS: CookieDefaults = { httpOnly: true };
const CLIENT_READABLE_STORE = { localStorage: 'localStorage', sessionStorage: 'sessionStorage', indexedDB: 'IndexedDB' } as const;

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
          description: 'Check cookies set by the server (Express, Fastify, Koa, Next.js, Set-Cookie headers, cookie.serialize).',
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
    const secretStored = (key: string | undefined, value: ts.Expression | undefined): string | undefined => {
      // `setItem('jwt', '')`, `localStorage.token = null`: clearing on logout stores nothing.
      if (value && isConstant(t, value)) return undefined;
      // `setItem('apiKeyHint', apiKey.slice(-4))`: shortened for display on purpose.
      if (key !== undefined && splitWords(key).some((w) => DISPLAY_SHORTENED_WORDS.has(w))) return undefined;
      if (value && isShortSlice(t, skipOuterExpressions(t, value))) return undefined;
      if (key !== undefined && isCredentialStorageKey(key)) return key;
      const source = value && valueSources(flow, value)[0];
      return source?.source.name;
    };
    /** A storage key that holds credentials: a secret name, or one ending in `auth`/`session`/`sid`. */
    function isCredentialStorageKey(key: string): boolean {
      if (classifyName(key, classifier).isSecret) return true;
      const words = splitWords(key);
      return STORAGE_SESSION_WORDS.has(words[words.length - 1] ?? '');
    }
    function isCredentialCookie(name: string | undefined): boolean {
      if (name === undefined) return false;
      if (credentialNames.has(name.toLowerCase()) || classifyName(name, classifier).isSecret) return true;
      const words = splitWords(name);
      return words.some((w) => SESSION_COOKIE_WORDS.has(w)) && classifyName(name, classifier).verdict !== 'metadata';
    }

    const reportCookie = (node: ts.Node, name: string, missing: CookieAttribute[], suggestion?: CheckSuggestion<MessageId>) => {
      const required = missing.filter((m) => options.requiredCookieAttributes.includes(m) && !(m === 'httpOnly' && isCsrfCookie(name)));
      if (required.length === 0) return;
      context.report({
        node,
        messageId: 'insecureCookie',
        data: { name, missing: required.join(', ') },
        suggestions: suggestion ? [suggestion] : [],
      });
    };

    const checkOptionsCookie = (call: ts.CallExpression, nameNode: ts.Expression | undefined, value: ts.Expression | undefined, optionsArg: ts.Expression | undefined, defaults: CookieDefaults, optionsIndex: number) => {
      if (value && isConstant(t, value)) return; // `res.cookie('session', '', { expires: new Date(0) })` clears it
      const name = nameNode ? constString(t, nameNode) : undefined;
      const secret = isCredentialCookie(name) ? name : secretStored(undefined, value);
      if (!secret) return;
      const literal = optionsArg ? objectLiteralOf(t, optionsArg) : undefined;
      if (optionsArg && !literal) return; // options built elsewhere: not judged
      const missing = missingAttributes(t, literal, defaults).filter((m) => !(m === 'httpOnly' && isCsrfCookie(name ?? secret)));
      const required = missing.filter((m) => options.requiredCookieAttributes.includes(m));
      if (required.length === 0) return;
      reportCookie(call, name ?? secret, missing, addAttributesSuggestion(t, sourceFile, call, literal, required, optionsIndex));
    };

    return {
      visit(node) {
        if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken) {
          const path = globalPath(t, node.left);
          if (!path) return;
          // localStorage.token = t; localStorage['jwt'] = t
          if (path.length === 2 && WEB_STORAGES.has(path[0]!)) {
            const name = secretStored(path[1], node.right);
            if (name) context.report({ node, messageId: 'webStorage', data: { name, storage: path[0]! } });
            return;
          }
          if (path.length === 2 && path[0] === 'document' && path[1] === 'cookie') {
            if (isConstant(t, node.right)) return; // a static string (an expiry that clears a cookie) carries no secret
            const cookieName = cookieNameOfString(t, node.right);
            const name = isCredentialCookie(cookieName) ? cookieName : secretStored(undefined, node.right);
            if (name) context.report({ node, messageId: 'clientCookie', data: { name } });
          }
          return;
        }
        if (!t.isCallExpression(node)) return;
        const path = globalPath(t, node.expression);
        const method = calleeName(t, node.expression);
        const [first, second, third] = node.arguments;
        // localStorage.setItem('token', t)
        if (path && path.length === 2 && WEB_STORAGES.has(path[0]!) && method === 'setItem') {
          const key = first ? constString(t, first) : undefined;
          const name = secretStored(key, second);
          if (name) context.report({ node, messageId: 'webStorage', data: { name, storage: path[0]! } });
          return;
        }
        // db.transaction('auth').objectStore('tokens').put({ accessToken })
        if ((method === 'put' || method === 'add') && first && isObjectStore(t, node.expression)) {
          const name = secretStored(undefined, first);
          if (name) context.report({ node, messageId: 'webStorage', data: { name, storage: CLIENT_READABLE_STORE.indexedDB } });
          return;
        }
        const location = apiLocationOf(t, node.expression);
        // js-cookie `Cookies.set('token', t)`: a cookie written by page script cannot be httpOnly.
        if (location && CLIENT_COOKIE_LIBRARIES.has(location.module) && location.path.join('.') === 'set' && first && second) {
          if (isConstant(t, second)) return;
          const cookieName = constString(t, first);
          const name = isCredentialCookie(cookieName) ? cookieName : secretStored(undefined, second);
          if (name) context.report({ node, messageId: 'clientCookie', data: { name } });
          return;
        }
        // zustand `persist(creator, { name })` writes the whole state to localStorage unless `partialize` picks fields.
        if (location && location.module === 'zustand/middleware' && location.path.join('.') === 'persist' && first) {
          const options = second ? objectLiteralOf(t, second) : undefined;
          if (options && propertyOf(t, options, 'partialize')) return;
          const field = secretStateField(t, first, classifier);
          if (field) context.report({ node, messageId: 'webStorage', data: { name: field, storage: 'localStorage (zustand persist)' } });
          return;
        }
        const wrapper = location && IDB_WRAPPERS.find((w) => w.module === location.module && w.path.join('.') === location.path.join('.'));
        if (wrapper) {
          const keyArg = wrapper.key === undefined ? undefined : node.arguments[wrapper.key];
          const name = secretStored(keyArg && constString(t, keyArg), node.arguments[wrapper.value]);
          if (name) context.report({ node, messageId: 'webStorage', data: { name, storage: CLIENT_READABLE_STORE.indexedDB } });
          return;
        }
        if (!options.checkServerCookies || !method) return;
        const receiver = skipOuterExpressions(t, node.expression);
        const receiverPath = t.isPropertyAccessExpression(receiver) ? accessPath(t, receiver.expression)?.map(stripCall) : undefined;
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
        if (method === 'set' && receiverPath && (receiverPath[receiverPath.length - 1] === 'cookies' || isCookieStore(t, receiver))) {
          const defaults = receiverPath.length === 2 && receiverPath[0] === 'ctx' ? KOA_DEFAULTS : {};
          const single = first ? objectLiteralOf(t, first) : undefined;
          if (single && node.arguments.length === 1) {
            // cookies().set({ name, value, httpOnly, ... })
            const name = propertyOf(t, single, 'name');
            const nameText = name && constString(t, name);
            const value = propertyOf(t, single, 'value');
            if (value && isConstant(t, value)) return;
            const secret = isCredentialCookie(nameText) ? nameText : secretStored(undefined, value);
            if (!secret) return;
            const missing = missingAttributes(t, single, defaults);
            const required = missing.filter((m) => options.requiredCookieAttributes.includes(m));
            if (required.length > 0) reportCookie(node, nameText ?? secret, missing, addAttributesSuggestion(t, sourceFile, node, single, required, 0));
            return;
          }
          if (second) checkOptionsCookie(node, first, second, third, defaults, 2);
          return;
        }
        // res.setHeader('Set-Cookie', 'session=' + id + '; Path=/'), headers.append('set-cookie', ...)
        if ((method === 'setHeader' || method === 'append' || method === 'set' || method === 'header') && first && second) {
          if (constString(t, first)?.toLowerCase() !== 'set-cookie') return;
          const values = t.isArrayLiteralExpression(skipOuterExpressions(t, second)) ? (skipOuterExpressions(t, second) as ts.ArrayLiteralExpression).elements : [second];
          for (const value of values) {
            if (isConstant(t, value)) continue; // a fully static cookie string carries no secret (`sid=; Max-Age=0`)
            const cookieName = cookieNameOfString(t, value);
            const secret = isCredentialCookie(cookieName) ? cookieName : secretStored(undefined, value);
            if (!secret) continue;
            const text = staticParts(t, value).toLowerCase();
            // Nothing of the string is visible (`res.setHeader('set-cookie', response.headers.getSetCookie())`,
            // a serializer's output): its attributes cannot be judged here.
            if (text.replaceAll('\u0000', '') === '') continue;
            const missing = (['httpOnly', 'secure', 'sameSite'] as const).filter((a) => !new RegExp(`;\\s*${a}\\b`, 'i').test(text));
            reportCookie(value, cookieName ?? secret, [...missing]);
          }
        }
      },
    };
  },
});

/** Literals, `null` and `undefined`: a constant written under a secret key is no secret (a literal credential is no-hardcoded-secret's). */
function isConstant(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  if (t.isStringLiteralLike(expr) || t.isNumericLiteral(expr)) return true;
  if (expr.kind === t.SyntaxKind.NullKeyword || expr.kind === t.SyntaxKind.TrueKeyword || expr.kind === t.SyntaxKind.FalseKeyword) return true;
  return t.isIdentifier(expr) && expr.text === 'undefined';
}

/** A secret-named field of the state object a zustand state creator returns (`{ token: null, … }`). */
function secretStateField(t: TypeScript, creator: ts.Expression, classifier: ClassifierOptions): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): WalkStep => {
    if (t.isObjectLiteralExpression(node)) {
      for (const prop of node.properties) {
        const key = (t.isPropertyAssignment(prop) || t.isShorthandPropertyAssignment(prop)) ? propertyNameText(t, prop.name) : undefined;
        if (key !== undefined && classifyName(key, classifier).isSecret && !(t.isPropertyAssignment(prop) && isFunctionValue(t, prop.initializer))) {
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

/** The cookie name at the start of a `name=value; …` string, from its static first part. */
function cookieNameOfString(t: TypeScript, node: ts.Expression): string | undefined {
  const head = staticPrefix(t, node);
  const eq = head.indexOf('=');
  return eq > 0 ? head.slice(0, eq).trim() : undefined;
}

/** The static text at the start of a string expression: a literal, a template head, a `+` chain's first literal. */
function staticPrefix(t: TypeScript, node: ts.Expression): string {
  const expr = skipOuterExpressions(t, node);
  const whole = staticString(t, expr);
  if (whole !== undefined) return whole;
  if (t.isTemplateExpression(expr)) return expr.head.text;
  if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken) return staticPrefix(t, expr.left);
  return '';
}

/** Every static piece of a string expression, joined: where `; HttpOnly; Secure` attributes are written. */
function staticParts(t: TypeScript, node: ts.Expression): string {
  const expr = skipOuterExpressions(t, node);
  const whole = staticString(t, expr);
  if (whole !== undefined) return whole;
  if (t.isTemplateExpression(expr)) return [expr.head.text, ...expr.templateSpans.map((s) => `\u0000${s.literal.text}`)].join('');
  if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken) return `${staticParts(t, expr.left)}\u0000${staticParts(t, expr.right)}`;
  return '\u0000';
}

/** Attributes an options literal leaves off or sets false (`secure: isProd` counts as set). */
function missingAttributes(t: TypeScript, literal: ts.ObjectLiteralExpression | undefined, defaults: CookieDefaults): CookieAttribute[] {
  const missing: CookieAttribute[] = [];
  if (literal?.properties.some((p) => t.isSpreadAssignment(p))) return missing; // spread from shared defaults: not judged
  for (const attribute of ['httpOnly', 'secure', 'sameSite'] as const) {
    const value = literal ? propertyOf(t, literal, attribute) : undefined;
    if (!value) {
      if (!defaults[attribute]) missing.push(attribute);
      continue;
    }
    const expr = skipOuterExpressions(t, value);
    if (expr.kind === t.SyntaxKind.FalseKeyword || (attribute === 'sameSite' && staticString(t, expr)?.toLowerCase() === 'none')) missing.push(attribute);
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
  const TEXT: Record<CookieAttribute, string> = { httpOnly: 'httpOnly: true', secure: 'secure: true', sameSite: "sameSite: 'lax'" };
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
  return { messageId: 'addAttributes', data: { attributes }, edits: [{ start: end, end, text: `, { ${attributes} }` }] };
}
