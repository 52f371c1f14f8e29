import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../src/index.js';

const rule = rules['no-secret-in-client-storage']!;
const ruleTester = new RuleTester();

/** Line and column of the first occurrence of `needle` in `code` (1-based). */
function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test bug: ${needle} not in code`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** One invalid case with a single finding starting at `needle`, without suggestions. */
function finding(code: string, messageId: string, needle: string) {
  return { code, errors: [{ messageId, ...at(code, needle), suggestions: [] }] };
}

/** One `insecureCookie` finding with the `addAttributes` suggestion giving `output`. */
function cookie(code: string, needle: string, output: string) {
  return {
    code,
    errors: [
      { messageId: 'insecureCookie', ...at(code, needle), suggestions: [{ messageId: 'addAttributes', output }] },
    ],
  };
}

const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));
const typed = {
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } },
};

ruleTester.run('no-secret-in-client-storage', rule, {
  valid: [
    // Forwarded Set-Cookie headers: their attributes are in strings this code never sees.
    "const cookies = response.headers.getSetCookie();\nres.setHeader('set-cookie', cookies);",
    // Non-secrets in web storage.
    "localStorage.setItem('theme', theme);",
    "sessionStorage.setItem('draft', JSON.stringify(draft));",
    "localStorage.setItem('tokenExpiresAt', String(expiresAt));",
    'localStorage.lastVisited = location.pathname;',
    "window.localStorage['locale'] = locale;",
    // Keys that mention a session or login without holding one; masked values.
    "localStorage.setItem('loginRedirect', location.pathname);",
    "localStorage.setItem('sessionExpiresAt', String(expiresAt));",
    "localStorage.setItem('apiKeyHint', apiKey.slice(-4));",
    "localStorage.setItem('keyPreview', apiKey.substring(0, 6));",
    "import Cookies from 'js-cookie';\nCookies.set('theme', theme);",
    "import { persist } from 'zustand/middleware';\nexport const useAuth = create()(persist((set) => ({ token: null }), { name: 'auth', partialize: (s) => ({ theme: s.theme }) }));",
    "import { persist } from 'zustand/middleware';\nexport const usePrefs = create()(persist((set) => ({ theme: 'dark', setTheme: (theme) => set({ theme }) }), { name: 'prefs' }));",
    // Reading and removing is fine.
    "const token = localStorage.getItem('token');",
    "localStorage.removeItem('accessToken');",
    // A masked value.
    "localStorage.setItem('cardHint', redact(cardToken));",
    // A user object without secrets.
    "localStorage.setItem('user', JSON.stringify({ id: user.id, name: user.name }));",
    // Not the browser's storage.
    "cache.setItem('token', token);",
    'myStorage.token = token;',
    // document.cookie for preferences.
    "document.cookie = 'theme=' + theme + '; path=/';",
    'document.cookie = `lang=${lang}; max-age=31536000`;',
    // IndexedDB for non-secrets.
    "db.transaction('notes', 'readwrite').objectStore('notes').put({ id, body });",
    'map.put({ accessToken });',
    // Server cookies done right.
    "res.cookie('session', sessionId, { httpOnly: true, secure: true, sameSite: 'lax' });",
    "res.cookie('refreshToken', token, { httpOnly: true, secure: isProd, sameSite: 'strict', maxAge });",
    "reply.setCookie('sid', sid, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });",
    "cookies().set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });",
    "cookies().set({ name: 'session', value: token, httpOnly: true, secure: true, sameSite: 'strict' });",
    "res.setHeader('Set-Cookie', `session=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`);",
    // A double-submit CSRF cookie is read by page script on purpose.
    "const CSRF_COOKIE = 'csrf_token';\nres.cookie(CSRF_COOKIE, randomBytes(32).toString('hex'), { secure: true, sameSite: 'strict' });",
    // A computed cookie name, set by a function named for CSRF: the double-submit token page script must read.
    "export function attachCSRFToken() {\n  return async function attachCSRFTokenMiddleware(ctx, next) {\n    const token = bundleToken(generateRawToken(16), env.SECRET_KEY);\n    ctx.cookies.set(getCookieName(ctx), token, { httpOnly: false, sameSite: 'lax', secure: true });\n    await next();\n  };\n}",
    // Koa sets httpOnly by default.
    "ctx.cookies.set('session', token, { secure: true, sameSite: 'lax' });",
    // Options from a shared constant or a spread are not judged.
    "res.cookie('session', sessionId, COOKIE_OPTIONS);",
    "res.cookie('session', sessionId, { ...cookieDefaults, maxAge: 3600 });",
    // Non-credential cookies.
    "res.cookie('theme', 'dark');",
    "res.cookie('locale', locale, { maxAge: 31536000 });",
    // Clearing a token or a cookie stores nothing.
    "res.clearCookie('session');",
    "window.localStorage.setItem('jwt', '');",
    'localStorage.token = null;',
    "res.cookie('session', '', { expires: new Date(0) });",
    "res.setHeader('Set-Cookie', 'sid=; Path=/; Max-Age=0');",
    "document.cookie = 'token=; expires=Thu, 01 Jan 1970 00:00:00 GMT';",
    "cookies().set({ name: 'session', value: '', maxAge: 0 });",
    // A cookie is judged by the value it holds, not by the variable that names it: a flag, a cleared cookie.
    'document.cookie = `${cookieKey}=true; path=/; SameSite=None; Secure; Partitioned`;',
    'document.cookie = `${cookieKey}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;',
    // A cookie builder given the name and value: a tenant id is no credential.
    "document.cookie = generateCookie({ name: cookieName, value: tenantId || '', maxAge: 31536000, path: '/' });",
    "document.cookie = generateCookie({ name: 'session', value: '', maxAge: -1 });",
    // A value named only for the cookie it goes to (`dubIdCookieValue`, `buildUiCookie()`) is no credential.
    'response.cookies.set(dubIdCookieName, dubIdCookieValue, { path, maxAge: 3600 });',
    "ctx.cookies.set(uiCookieKey, JSON.stringify(buildSharedExperienceCookie(params)), { httpOnly: false, sameSite: 'lax' });",
    // Koa sets `secure` itself on HTTPS requests; a double-submit XSRF cookie must be readable.
    "ctx.cookies.set(String(xsrfCookieKey), session.state.xsrfSecret, { httpOnly: false, sameSite: 'lax', path: '/device' });",
    // A constant written as the value (a fixed development token) is no runtime secret.
    "const localSessionToken = 'local_session_token';\nheaders.append('Set-Cookie', `${SESSION_COOKIE}=${localSessionToken}; Path=/; SameSite=Lax`);",
    // Attributes written by a helper the rule cannot see, and development-only code: strict only.
    'headers.append("Set-Cookie", `${SESSION_COOKIE}=${refreshed.newToken}; ${await getCookieOptionsAsString({ ...getAuthCookieOptions() })}`);',
    "if (process.env.NODE_ENV === 'development') {\n  res.cookie('session', sessionId);\n}",
    // The project's own storage wrapper, given a non-secret.
    "function setItem(key, data, session) {\n  return (session ? sessionStorage : localStorage).setItem(key, JSON.stringify(data));\n}\nsetItem('umami.theme', theme);",
    // Typed: the wrapper in another module, given a non-secret under a constant key.
    {
      code: "import { setItem, THEME } from './no-secret-in-client-storage/storage.js';\ndeclare const theme: string;\nsetItem(THEME, theme);",
      ...typed,
    },
    // Server cookies off.
    { code: "res.cookie('session', sessionId);", options: [{ checkServerCookies: false }] },
    // Only httpOnly required.
    {
      code: "res.cookie('session', sessionId, { httpOnly: true });",
      options: [{ requiredCookieAttributes: ['httpOnly'] }],
    },
  ],
  invalid: [
    finding("localStorage.setItem('token', token);", 'webStorage', 'localStorage'),
    finding("localStorage.setItem('auth', JSON.stringify({ accessToken, user }));", 'webStorage', 'localStorage'),
    finding("window.sessionStorage.setItem('jwt', data.jwt);", 'webStorage', 'window'),
    finding("localStorage.setItem('session', response.refreshToken);", 'webStorage', 'localStorage'),
    finding("const KEY = 'apiKey';\nlocalStorage.setItem(KEY, value);", 'webStorage', 'localStorage.setItem'),
    finding('localStorage.token = token;', 'webStorage', 'localStorage'),
    finding("sessionStorage.setItem('auth', JSON.stringify(session));", 'webStorage', 'sessionStorage'),
    finding("localStorage.setItem('openai_api_key', apiKey);", 'webStorage', 'localStorage'),
    finding("localStorage['jwt'] = res.data.jwt;", 'webStorage', 'localStorage'),
    finding('globalThis.sessionStorage.password = form.password;', 'webStorage', 'globalThis'),
    finding(
      "async function save(res) {\n  const { access_token } = await res.json();\n  localStorage.setItem('credentials', access_token);\n}",
      'webStorage',
      'localStorage.setItem',
    ),
    finding("document.cookie = 'token=' + token + '; path=/';", 'clientCookie', 'document'),
    finding(
      "import { create } from 'zustand';\nimport { persist } from 'zustand/middleware';\nexport const useAuth = create()(persist((set) => ({ token: null, setToken: (token) => set({ token }) }), { name: 'auth-storage' }));",
      'webStorage',
      'persist(',
    ),
    finding(
      "import Cookies from 'js-cookie';\nCookies.set('token', token, { expires: 7 });",
      'clientCookie',
      'Cookies.set',
    ),
    finding('document.cookie = `session=${sessionId}`;', 'clientCookie', 'document'),
    finding('window.document.cookie = `prefs=${JSON.stringify({ apiKey })}`;', 'clientCookie', 'window'),
    finding(
      "db.transaction('auth', 'readwrite').objectStore('auth').put({ accessToken, expiresAt });",
      'webStorage',
      'db.transaction',
    ),
    finding(
      "const store = tx.objectStore('secrets');\nstore.add({ id: 1, value: apiKey });",
      'webStorage',
      'store.add',
    ),
    finding("import { set } from 'idb-keyval';\nawait set('refreshToken', tokens.refresh);", 'webStorage', 'set('),
    finding(
      "import localforage from 'localforage';\nawait localforage.setItem('auth', { token });",
      'webStorage',
      'localforage.setItem',
    ),
    // Server cookies.
    cookie(
      "res.cookie('session', sessionId);",
      'res.cookie',
      "res.cookie('session', sessionId, { httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "res.cookie('refreshToken', token, { maxAge: 86400000 });",
      'res.cookie',
      "res.cookie('refreshToken', token, { maxAge: 86400000, httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "res.cookie('sid', sid, { httpOnly: true });",
      'res.cookie',
      "res.cookie('sid', sid, { httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "res.cookie('prefs', accessToken, { httpOnly: true, secure: true });",
      'res.cookie',
      "res.cookie('prefs', accessToken, { httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    {
      // A function named for CSRF does not excuse a cookie whose name says it is a session.
      code: "function attachCsrf(res, sessionToken) {\n  res.cookie('session', sessionToken, { httpOnly: false, secure: true, sameSite: 'lax' });\n}",
      errors: [{ messageId: 'insecureCookie', line: 2, suggestions: [] }],
    },
    {
      // ...nor a computed name outside one.
      code: "function attachSession(ctx, sessionToken) {\n  ctx.cookies.set(getCookieName(ctx), sessionToken, { httpOnly: false, secure: true, sameSite: 'lax' });\n}",
      errors: [{ messageId: 'insecureCookie', line: 2, suggestions: [] }],
    },
    {
      // Set to false: reported, no suggestion (a person must decide).
      code: "res.cookie('session', sessionId, { httpOnly: false, secure: true, sameSite: 'lax' });",
      errors: [{ messageId: 'insecureCookie', column: 1, suggestions: [] }],
    },
    {
      code: "res.cookie('session', sessionId, { httpOnly: true, secure: true, sameSite: 'none' });",
      errors: [{ messageId: 'insecureCookie', column: 1, suggestions: [] }],
    },
    cookie(
      "reply.setCookie('token', jwt, { path: '/' });",
      'reply.setCookie',
      "reply.setCookie('token', jwt, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "cookies().set('session', token);",
      'cookies()',
      "cookies().set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "const store = await cookies();\nstore.set('session', token);",
      'store.set',
      "const store = await cookies();\nstore.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "cookies().set({ name: 'session', value: token });",
      'cookies()',
      "cookies().set({ name: 'session', value: token, httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    cookie(
      "response.cookies.set('access_token', token, { secure: true });",
      'response.cookies',
      "response.cookies.set('access_token', token, { secure: true, httpOnly: true, sameSite: 'lax' });",
    ),
    cookie(
      "ctx.cookies.set('session', token);",
      'ctx.cookies',
      "ctx.cookies.set('session', token, { sameSite: 'lax' });",
    ),
    cookie(
      "ctx.cookies.set('session', token, { secure: false });",
      'ctx.cookies',
      "ctx.cookies.set('session', token, { secure: false, sameSite: 'lax' });",
    ),
    cookie(
      "import cookie from 'cookie';\nconst header = cookie.serialize('session', sessionId, {});",
      'cookie.serialize',
      "import cookie from 'cookie';\nconst header = cookie.serialize('session', sessionId, { httpOnly: true, secure: true, sameSite: 'lax' });",
    ),
    {
      code: "res.setHeader('Set-Cookie', `session=${id}; Path=/`);",
      errors: [
        {
          messageId: 'insecureCookie',
          ...at("res.setHeader('Set-Cookie', `session=${id}; Path=/`);", '`session'),
          suggestions: [],
        },
      ],
    },
    {
      code: "res.setHeader('Set-Cookie', ['theme=dark', 'token=' + token + '; HttpOnly; Secure']);",
      errors: [
        {
          messageId: 'insecureCookie',
          ...at("res.setHeader('Set-Cookie', ['theme=dark', 'token=' + token + '; HttpOnly; Secure']);", "'token="),
          suggestions: [],
        },
      ],
    },
    {
      code: "headers.append('set-cookie', `sid=${sid}; HttpOnly; SameSite=Strict`);",
      errors: [
        {
          messageId: 'insecureCookie',
          ...at("headers.append('set-cookie', `sid=${sid}; HttpOnly; SameSite=Strict`);", '`sid'),
          suggestions: [],
        },
      ],
    },
    // The value part of a cookie string carries the secret, whatever names the cookie.
    finding('document.cookie = `${cookieName}=${accessToken}; path=/`;', 'clientCookie', 'document'),
    finding(
      "document.cookie = generateCookie({ name: 'session', value: sid, path: '/' });",
      'clientCookie',
      'document',
    ),
    finding(
      'document.cookie = generateCookie({ name: cookieName, value: session.refreshToken });',
      'clientCookie',
      'document',
    ),
    // Either storage, chosen at run time.
    finding(
      "(remember ? localStorage : sessionStorage).setItem('accessToken', accessToken);",
      'webStorage',
      '(remember',
    ),
    {
      // The project's own wrapper around web storage, given the auth token under a constant key.
      code: "const AUTH_TOKEN = 'app.auth';\nfunction setItem(key, data, session) {\n  return (session ? sessionStorage : localStorage).setItem(key, JSON.stringify(data));\n}\nexport function setClientAuthToken(token) {\n  setItem(AUTH_TOKEN, token);\n}",
      errors: [
        {
          messageId: 'webStorage',
          data: { name: 'app.auth', storage: 'sessionStorage or localStorage' },
          line: 6,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      // Typed: the wrapper and the key constant live in another module.
      code: "import { AUTH_TOKEN, setItem } from './no-secret-in-client-storage/storage.js';\nexport function setClientAuthToken(token: string) {\n  setItem(AUTH_TOKEN, token);\n}",
      ...typed,
      errors: [
        {
          messageId: 'webStorage',
          data: { name: 'app.auth', storage: 'sessionStorage or localStorage' },
          line: 3,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      // A wrapper with a fixed key, given a token.
      code: "const saveLocal = (value) => window.localStorage.setItem('app-state', value);\nsaveLocal(refreshToken);",
      errors: [
        {
          messageId: 'webStorage',
          data: { name: 'refreshToken', storage: 'localStorage' },
          line: 2,
          column: 1,
          suggestions: [],
        },
      ],
    },
    {
      // An attribute value interpolated (`Max-Age=${age}`) still shows which attributes are there.
      code: 'headers.append("set-cookie", `sid=${sid}; Max-Age=${age}`);',
      errors: [
        {
          messageId: 'insecureCookie',
          data: { name: 'sid', missing: 'httpOnly, secure, sameSite' },
          line: 1,
          column: 30,
          suggestions: [],
        },
      ],
    },
    {
      // Attributes from a helper whose result is not visible: medium (strict), not high.
      code: 'headers.append("Set-Cookie", `${SESSION_COOKIE}=${refreshed.newToken}; ${await getCookieOptionsAsString({ ...getAuthCookieOptions() })}`);',
      options: [{ minConfidence: 'medium' }],
      errors: [
        {
          messageId: 'insecureCookie',
          data: { name: 'refreshed.newToken', missing: 'httpOnly, secure, sameSite' },
          line: 1,
          column: 30,
          suggestions: [],
        },
      ],
    },
    {
      // Development-only code: medium.
      code: "if (process.env.NODE_ENV === 'development') {\n  res.cookie('session', sessionId);\n}",
      options: [{ minConfidence: 'medium' }],
      errors: [
        {
          messageId: 'insecureCookie',
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttributes',
              output:
                "if (process.env.NODE_ENV === 'development') {\n  res.cookie('session', sessionId, { httpOnly: true, secure: true, sameSite: 'lax' });\n}",
            },
          ],
        },
      ],
    },
    {
      // Shared settings extend the secret vocabulary.
      code: "localStorage.setItem('pin', pin);",
      settings: { 'secret-hygiene': { extraSecretWords: ['pin'] } },
      errors: [{ messageId: 'webStorage', column: 1, suggestions: [] }],
    },
    {
      // Custom credential cookie names.
      code: "res.cookie('__app', value);",
      options: [{ credentialCookieNames: ['__app'] }],
      errors: [
        {
          messageId: 'insecureCookie',
          column: 1,
          suggestions: [
            {
              messageId: 'addAttributes',
              output: "res.cookie('__app', value, { httpOnly: true, secure: true, sameSite: 'lax' });",
            },
          ],
        },
      ],
    },
  ],
});

// growthbook held-out: an analytics session id the page makes for itself is no credential a server issued.
ruleTester.run('no-secret-in-client-storage: a session id the page makes', rule, {
  valid: [
    "import Cookies from 'js-cookie';\nimport { v4 as uuidv4 } from 'uuid';\nconst SESSION_ID_COOKIE = 'gb_session_id';\nexport function getOrGenerateSessionId() {\n  const sessionId = Cookies.get(SESSION_ID_COOKIE) || uuidv4();\n  Cookies.set(SESSION_ID_COOKIE, sessionId, { expires: 1 });\n  return sessionId;\n}",
    "localStorage.setItem('tabSessionId', sessionStorage.getItem('tabSessionId') ?? crypto.randomUUID());",
  ],
  invalid: [
    // A session cookie whose value the server issued.
    finding(
      "import Cookies from 'js-cookie';\nexport async function signIn() {\n  const { sessionId } = await (await fetch('/login')).json();\n  Cookies.set('gb_session_id', sessionId);\n}",
      'clientCookie',
      'Cookies.set',
    ),
    // A token name stays a credential however its value is made.
    finding(
      "import Cookies from 'js-cookie';\nimport { v4 as uuidv4 } from 'uuid';\nCookies.set('auth_token', Cookies.get('auth_token') || uuidv4());",
      'clientCookie',
      'Cookies.set',
    ),
    finding("localStorage.setItem('tabSessionId', readSession());", 'webStorage', 'localStorage'),
  ],
});
