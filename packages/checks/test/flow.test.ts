import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TypeScript } from '../src/check.js';
import {
  calleeTarget,
  carriesSecret,
  createFlowContext,
  errorConstruction,
  expandedPath,
  isSanitizerCall,
  originOf,
  returnedSources,
  sinkOfCall,
  valueSources,
  type FlowContext,
} from '../src/flow/index.js';

const t = ts as unknown as TypeScript;

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('probe.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function find<T extends ts.Node>(root: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const out: T[] = [];
  const visit = (n: ts.Node): void => {
    if (test(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

/** The argument of the last `probe(...)` call in `code`. */
function probed(code: string): ts.Expression {
  const calls = find(parse(code), ts.isCallExpression).filter(
    (c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe',
  );
  const arg = calls[calls.length - 1]?.arguments[0];
  if (!arg) throw new Error('no probe(...) call');
  return arg;
}

/** The last call in `code` whose callee text is `callee`. */
function lastCall(code: string, callee: string): ts.CallExpression {
  const calls = find(parse(code), ts.isCallExpression).filter((c) => c.expression.getText() === callee);
  const call = calls[calls.length - 1];
  if (!call) throw new Error(`no call of ${callee}`);
  return call;
}

const ctx = (options: Parameters<typeof createFlowContext>[1] = {}): FlowContext => createFlowContext(t, options);

/** `[source name, reason, text of the node it enters through]` for each flow into `probe(...)`. */
function flows(code: string, c = ctx()): [string, string, string][] {
  return valueSources(c, probed(code)).map((f) => [f.source.name, f.source.reason, f.at.getText()]);
}

describe('valueSources: direct sources', () => {
  it.each([
    ['probe(password)', 'password', 'name'],
    ['probe(user.apiKey)', 'user.apiKey', 'name'],
    ['probe(process.env.JWT_SECRET)', 'process.env.JWT_SECRET', 'env'],
    ["probe(process.env['DB_PASSWORD'])", "process.env['DB_PASSWORD']", 'env'],
    ['probe(process.env)', 'process.env', 'env'],
    ['probe(req.headers.authorization)', 'req.headers.authorization', 'header'],
    ["probe(ctx.request.headers['x-api-key'])", "ctx.request.headers['x-api-key']", 'header'],
    ['probe(req.signedCookies)', 'req.signedCookies', 'cookie'],
    ["probe(req.get('Authorization'))", 'req.get("Authorization")', 'name'],
    ['probe(decrypt(blob))', 'decrypt(…)', 'decrypt'],
    ['probe(kms.decryptField(row.ssn))', 'kms.decryptField(…)', 'decrypt'],
    ['probe(secret.reveal())', 'secret.reveal()', 'reveal'],
    ['probe(getApiKey())', 'getApiKey()', 'returns-secret'],
  ])('%s carries %s (%s)', (code, name, reason) => {
    expect(flows(code).map(([n, r]) => [n, r])).toEqual([[name, reason]]);
  });

  it.each([
    'probe(tokenCount)',
    'probe(passwordPolicy)',
    'probe(user.id)',
    'probe(req.body)',
    'probe(req.headers.accept)',
    'probe(process.env.PORT)',
    "probe('password')",
    'probe(password.length)',
    'probe(validatePassword(x))',
    'probe(undefined)',
  ])('%s carries nothing', (code) => {
    expect(flows(code)).toEqual([]);
  });
});

describe('valueSources: flows within a function', () => {
  it('follows const and let aliases to the reference inside the queried expression', () => {
    expect(flows('const a = token; const b = a; probe(b)')).toEqual([['token', 'name', 'b']]);
    expect(flows('let v = 1; v = apiKey; probe(v)')).toEqual([['apiKey', 'name', 'v']]);
  });

  it('follows destructuring, with renames, env objects and request objects', () => {
    expect(flows('const { password } = body; probe(password)')).toEqual([['password', 'name', 'password']]);
    expect(flows('const { token: t } = req.body; probe(t)')).toEqual([['token', 'name', 't']]);
    expect(flows('const { headers } = req; probe(headers)')).toEqual([['req.headers', 'header', 'headers']]);
    expect(flows("const [scheme, value] = req.headers.authorization.split(' '); probe(value)")).toEqual([
      ['req.headers.authorization', 'header', 'value'],
    ]);
    expect(flows("const [scheme, value] = req.headers.accept.split(' '); probe(value)")).toEqual([]);
  });

  it('follows what is stored into an object', () => {
    expect(flows('const meta: Record<string, unknown> = {}; meta.token = token; probe(meta)')).toEqual([
      ['token', 'name', 'meta'],
    ]);
    expect(flows("const meta = {}; meta['apiKey'] = value; probe(meta)")).toEqual([['apiKey', 'name', 'meta']]);
    expect(flows('const meta = {}; meta.count = tokens.length; probe(meta)')).toEqual([]);
    expect(flows('const meta = {}; other.token = token; probe(meta)')).toEqual([]);
  });

  it('a rest element does not carry what was taken out of it', () => {
    expect(flows('const { password, ...rest } = body; probe(rest)')).toEqual([]);
  });

  it('enters templates, concatenation, conditionals, arrays and logical operators', () => {
    expect(flows('probe(`a ${token} b`)')).toEqual([['token', 'name', 'token']]);
    expect(flows("probe('a' + password + 'b')")).toEqual([['password', 'name', 'password']]);
    expect(flows('probe(ok ? token : other)')).toEqual([['token', 'name', 'token']]);
    expect(flows('probe([user, secret])')).toEqual([['secret', 'name', 'secret']]);
    expect(flows('probe(token ?? fallback)')).toEqual([['token', 'name', 'token']]);
    expect(flows('probe(ready && token)')).toEqual([['token', 'name', 'token']]);
    expect(flows('probe(token && ready)')).toEqual([]);
  });

  it('points at shorthand properties and spreads in object literals', () => {
    expect(flows('probe({ user, token })')).toEqual([['token', 'name', 'token']]);
    expect(valueSources(ctx(), probed('probe({ user, token })'))[0]?.at.kind).toBe(
      ts.SyntaxKind.ShorthandPropertyAssignment,
    );
    expect(flows('const entry = { user, password }; probe({ ...entry })')).toEqual([['password', 'name', '...entry']]);
    expect(flows('probe({ apiKey: value })')).toEqual([['apiKey', 'name', 'value']]);
    expect(flows("probe({ apiKey: '***', token: tokenCount })")).toEqual([]);
  });

  it('passes through string transformations and serializers, not through unknown calls', () => {
    expect(flows('probe(JSON.stringify(entry, null, 2))')).toEqual([]);
    expect(flows('probe(JSON.stringify(credentials))')).toEqual([['credentials', 'name', 'credentials']]);
    expect(flows('probe(token.trim().toUpperCase())')).toEqual([['token', 'name', 'token.trim().toUpperCase()']]);
    expect(flows("probe(Buffer.from(password).toString('base64'))")).toHaveLength(1);
    expect(flows('probe(token.slice(7))')).toHaveLength(1);
    expect(flows('probe(token.slice(0, 4))')).toEqual([]);
    expect(flows('probe(lookup(token))')).toEqual([]);
    expect(flows("probe(req.headers.authorization.split(' ')[1])")).toHaveLength(1);
    expect(flows("probe(req.headers.accept.split(',')[0])")).toEqual([]);
  });

  it('breaks flows at sanitizers, coercions, comparisons and typeof', () => {
    for (const code of [
      'probe(redact(token))',
      'probe(maskToken(token))',
      'probe(bcrypt.hash(password, 10))',
      "probe(createHash('sha256').update(password).digest('hex'))",
      'probe(!!token)',
      'probe(Boolean(token) ? 1 : 0)',
      "probe(token ? 'set' : 'unset')",
      'probe(token === other)',
      'probe(typeof token)',
      'const shown = redact(token); probe(shown)',
    ]) {
      expect(flows(code), code).toEqual([]);
    }
  });

  it('uses the configured sanitizers', () => {
    expect(flows('probe(scrubbed(token))', ctx({ sanitizers: ['scrubbed'] }))).toEqual([]);
    expect(flows('probe(redact(token))', ctx({ sanitizers: [] }))).toHaveLength(0); // redact() is unknown, so it passes nothing
  });

  it('uses the shared classifier settings', () => {
    expect(flows('probe(pin)', ctx({ settings: { extraSecretWords: ['pin'] } }))).toEqual([['pin', 'name', 'pin']]);
    expect(flows('probe(password)', ctx({ settings: { ignoredNames: ['password'] } }))).toEqual([]);
  });

  it('follows decipher objects made by createDecipheriv', () => {
    const code =
      "const d = createDecipheriv('aes-256-gcm', k, iv); const out = d.update(x, 'hex', 'utf8') + d.final('utf8'); probe(out)";
    expect(flows(code)).toEqual([
      ['d.update(…)', 'decrypt', 'out'],
      ['d.final(…)', 'decrypt', 'out'],
    ]);
    expect(flows("const c = createCipheriv('aes-256-gcm', k, iv); probe(c.update(x))")).toEqual([]);
  });

  it('finds functions in the same file that return a secret, not those returning their parameters', () => {
    expect(flows('function key() { return process.env.API_KEY; } probe(key())')).toEqual([
      ['key()', 'returns-secret', 'key()'],
    ]);
    expect(flows('const key = () => decrypt(x); probe(key())')).toEqual([['key()', 'returns-secret', 'key()']]);
    expect(flows('function clean(token: string) { return token.trim(); } probe(clean(input))')).toEqual([]);
    expect(flows('function rec(): string { return rec(); } probe(rec())')).toEqual([]);
  });

  it('a function that returns only secret-named values is known by those names (reason name)', () => {
    expect(flows('function build(app) { return app.clientSecret; } probe(build(x))')).toEqual([
      ['build()', 'name', 'build(x)'],
    ]);
  });

  it('constants are no secrets: upper-case members of a namespace class, literal and Object.keys initializers', () => {
    expect(flows('probe(Parse.Error.INVALID_SESSION_TOKEN)')).toEqual([]);
    expect(flows('probe(ErrorCode.INVALID_TOKEN)')).toEqual([]);
    expect(flows("const PASS = 'All pinned.'; probe(PASS)")).toEqual([]);
    expect(
      flows('const authKeys = Object.keys(authData).sort(); for (const provider of authKeys) probe(provider)'),
    ).toEqual([]);
    // Still secrets: a lower-case owner, a `let` that may be reassigned, other initializers.
    expect(flows('probe(config.SESSION_TOKEN)')).toHaveLength(1);
    expect(flows("let PASS = 'x'; PASS = read(); probe(PASS)")).toHaveLength(1);
    expect(flows('const authKeys = Object.values(authData); probe(authKeys)')).toHaveLength(1);
  });

  it('omit helpers are sanitizers', () => {
    expect(flows("probe(omit(user, ['password']))")).toEqual([]);
    expect(flows('probe(omitInternalApplicationSecret(app.secret))')).toEqual([]);
  });

  it('carriesSecret is valueSources being non-empty', () => {
    expect(carriesSecret(ctx(), probed('probe(`${apiKey}`)'))).toBe(true);
    expect(carriesSecret(ctx(), probed('probe(apiKeyId)'))).toBe(false);
  });
});

describe('returnedSources', () => {
  it('lists what a function hands out', () => {
    const fn = find(
      parse('function load() { if (x) return req.headers.authorization; return decrypt(y); }'),
      ts.isFunctionDeclaration,
    )[0]!;
    expect(returnedSources(ctx(), fn).map((s) => s.reason)).toEqual(['header', 'decrypt']);
  });
});

describe('aliases', () => {
  it('calleeTarget follows logger aliases', () => {
    const c = ctx();
    expect(calleeTarget(c, lastCall('const log = console.log; log(x)', 'log').expression)).toEqual(['console', 'log']);
    expect(calleeTarget(c, lastCall('const { info } = logger; info(x)', 'info').expression)).toEqual([
      'logger',
      'info',
    ]);
    expect(calleeTarget(c, lastCall('const warn = logger.warn.bind(logger); warn(x)', 'warn').expression)).toEqual([
      'logger',
      'warn',
    ]);
    expect(calleeTarget(c, lastCall('const { log } = console; const l = log; l(x)', 'l').expression)).toEqual([
      'console',
      'log',
    ]);
  });

  it('expandedPath rewrites the root of a member chain, and stops at calls', () => {
    const c = ctx();
    const member = find(parse('const h = req.headers; h.authorization;'), ts.isPropertyAccessExpression).pop()!;
    expect(expandedPath(c, member)).toEqual(['req', 'headers', 'authorization']);
    const fromCall = find(parse('const h = getHeaders(); h.authorization;'), ts.isPropertyAccessExpression).pop()!;
    expect(expandedPath(c, fromCall)).toEqual(['h', 'authorization']);
  });

  it('originOf follows const chains to the value they were made from', () => {
    const id = probed('const a = pino(); const b = a; probe(b)');
    expect(originOf(ctx(), id).getText()).toBe('pino()');
    const letId = probed('let a = pino(); probe(a)');
    expect(originOf(ctx(), letId).getText()).toBe('a');
  });
});

describe('sinkOfCall', () => {
  const sink = (code: string, callee: string, options = {}) => sinkOfCall(ctx(), lastCall(code, callee), options);

  it.each([
    ['console.log(x)', 'console.log', 'console', 'console.log'],
    ['this.logger.warn(x)', 'this.logger.warn', 'logger', 'this.logger.warn'],
    ['appLogger.info(x)', 'appLogger.info', 'logger', 'appLogger.info'],
    ['request.log.error(x)', 'request.log.error', 'logger', 'request.log.error'],
    ['const log = console.log; log(x)', 'log', 'console', 'console.log'],
    ['const app = pino(); app.info(x)', 'app.info', 'logger', 'app.info'],
    ['const l = logger.child({}); l.debug(x)', 'l.debug', 'logger', 'l.debug'],
    ["log4js.getLogger('x').warn(y)", "log4js.getLogger('x').warn", 'logger', 'log4js.getLogger().warn'],
    ['process.stderr.write(x)', 'process.stderr.write', 'stdio', 'process.stderr.write'],
    ['Sentry.setContext(a, b)', 'Sentry.setContext', 'error-tracker', 'Sentry.setContext'],
    [
      "import { captureMessage } from '@sentry/node'; captureMessage(x)",
      'captureMessage',
      'error-tracker',
      'captureMessage',
    ],
    ['span.setAttributes(x)', 'span.setAttributes', 'tracing', 'span.setAttributes'],
    [
      'trace.getActiveSpan().addEvent(x)',
      'trace.getActiveSpan().addEvent',
      'tracing',
      'trace.getActiveSpan().addEvent',
    ],
    ["import createDebug from 'debug'; const dbg = createDebug('a'); dbg(x)", 'dbg', 'debug', 'dbg'],
  ])('%s is a %s sink', (code, callee, category, display) => {
    const found = sink(code, callee);
    expect(found?.match.category).toBe(category);
    expect(found?.display).toBe(display);
  });

  it.each([
    ['map.set(a, b)', 'map.set'],
    ['Math.log(x)', 'Math.log'],
    ['res.json(x)', 'res.json'],
    ['cache.info(x)', 'cache.info'],
    ['console.foo(x)', 'console.foo'],
    ['emitter.emit(x)', 'emitter.emit'],
    ["import debug from 'debug'; debug('a')", 'debug'],
    ["import { captureMessage } from './local'; captureMessage(x)", 'captureMessage'],
  ])('%s is not a sink', (code, callee) => {
    expect(sink(code, callee)).toBeUndefined();
  });

  it('takes extra sinks as dotted suffixes or bare names', () => {
    expect(sink('this.audit.write(x)', 'this.audit.write', { extraSinks: ['audit.write'] })?.match.category).toBe(
      'custom',
    );
    expect(sink('emitMetric(x)', 'emitMetric', { extraSinks: ['emitMetric'] })?.match.id).toBe('emitMetric');
    expect(sink('audit.write(x)', 'audit.write')).toBeUndefined();
  });
});

describe('errorConstruction and isSanitizerCall', () => {
  it('recognizes error constructors', () => {
    const c = ctx();
    const news = find(parse('new Error(a); new HttpException(b); new Map(c); new errorish(d);'), ts.isNewExpression);
    expect(news.map((n) => errorConstruction(c, n))).toEqual(['Error', 'HttpException', undefined, undefined]);
    expect(errorConstruction(c, lastCall('TypeError(x)', 'TypeError'))).toBe('TypeError');
    expect(errorConstruction(c, lastCall('makeError(x)', 'makeError'))).toBeUndefined();
  });

  it('matches sanitizer chains and words', () => {
    const c = ctx();
    expect(
      isSanitizerCall(
        c,
        lastCall("createHmac('sha256', k).update(x).digest()", "createHmac('sha256', k).update(x).digest"),
      ),
    ).toBe(true);
    expect(isSanitizerCall(c, lastCall('getRedactedToken()', 'getRedactedToken'))).toBe(true);
    expect(isSanitizerCall(c, lastCall('getToken()', 'getToken'))).toBe(false);
    expect(isSanitizerCall(c, lastCall('hashtag(x)', 'hashtag'))).toBe(true); // word prefix: documented trade-off
  });
});

describe('laws', () => {
  const leaf = fc.constantFrom(
    'token',
    'password',
    'user.id',
    'tokenCount',
    "'text'",
    'req.headers.authorization',
    'count',
    'apiKey',
  );
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a} + ${b}`),
      tie('e').map((a) => `\`x \${${a}} y\``),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(c ? ${a} : ${b})`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `[${a}, ${b}]`),
      tie('e').map((a) => `{ v: ${a} }`),
      tie('e').map((a) => `String(${a})`),
      tie('e').map((a) => `(${a}).trim()`),
    ),
  })).e;

  it('a sanitizer around any expression carries nothing', () => {
    fc.assert(
      fc.property(expr, (e) => {
        expect(flows(`probe(redact(${e}))`)).toEqual([]);
        expect(flows(`probe(Boolean(${e}))`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('wrapping in a template or a pass-through keeps exactly the sources', () => {
    const names = (code: string) => new Set(flows(code).map(([n]) => n));
    fc.assert(
      fc.property(expr, (e) => {
        const plain = names(`probe(${e})`);
        expect(names(`probe(\`[\${${e}}]\`)`)).toEqual(plain);
        expect(names(`probe(JSON.stringify(${e}))`)).toEqual(plain);
        expect(names(`probe('k=' + ${e})`)).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('a source anywhere in the expression is found', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const hasLeak = /\b(token|password|apiKey)\b|authorization/.test(e.replace(/tokenCount/g, ''));
        expect(flows(`probe(${e})`).length > 0).toBe(hasLeak);
      }),
      { numRuns: 200 },
    );
  });
});
