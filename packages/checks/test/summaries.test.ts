import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckReport, TypeScript } from '../src/check.js';
import { noSecretLogging } from '../src/checks/no-secret-logging.js';
import {
  createFlowContext,
  crossFunctionFlows,
  parameterSinks,
  returnedParameters,
  sinkOfCall,
  valueSources,
  type FlowContext,
  type SinkRecognizer,
} from '../src/flow/index.js';
import { runChecksOnFile } from '../src/run.js';

const t = ts as unknown as TypeScript;

/** The logging rule's sink, as a summary recogniser. */
const logSink: SinkRecognizer = {
  key: 'test-log',
  sinkOf(ctx, call) {
    const sink = sinkOfCall(ctx, call);
    return sink && { display: sink.display, values: [...call.arguments] };
  },
};

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('probe.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function functionNamed(file: ts.SourceFile, name: string): ts.FunctionLikeDeclaration {
  let found: ts.FunctionLikeDeclaration | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name?.text === name) found = n;
    if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) found = n;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer)
      found = n.initializer as ts.ArrowFunction;
    ts.forEachChild(n, visit);
  };
  visit(file);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

function callsOf(file: ts.SourceFile, callee: string): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.getText() === callee) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return out;
}

/** `index.key -> sink via calls` for each parameter of `name` that reaches a log sink. */
function sinksOf(ctx: FlowContext, file: ts.SourceFile, name: string): string[] {
  return parameterSinks(ctx, functionNamed(file, name), logSink).map(
    (s) =>
      `${s.parameter.index}${s.parameter.key ? `.${s.parameter.key}` : ''} -> ${s.sink}${s.through.map((c) => ` via ${c.expression.getText()}`).join('')}`,
  );
}

describe('parameterSinks (same file, no checker)', () => {
  const file = parse(`
function logRequest(value: string, other: string) { logger.info('request', { value }); return other; }
function masked(value: string) { logger.info(mask(value)); }
function outer(a: string, b: string) { logRequest(b, a); }
const viaArrow = (x: string) => console.log(\`got \${x.trim()}\`);
function fields({ user, secretValue }: { user: string; secretValue: string }) { console.log(secretValue); }
function recurse(v: string): void { recurse(v); console.warn(v); }
function pingPong(v: string): void { pongPing(v); }
function pongPing(v: string): void { pingPong(v); console.error(v); }
function quiet(v: string) { return v.length; }
`);
  const ctx = createFlowContext(t);

  it('a parameter logged in the body reaches the sink; another does not', () => {
    expect(sinksOf(ctx, file, 'logRequest')).toEqual(['0 -> logger.info']);
  });

  it('a sanitizer on the way breaks the flow', () => {
    expect(sinksOf(ctx, file, 'masked')).toEqual([]);
  });

  it('a parameter handed to a function that logs it reaches the sink through that call', () => {
    expect(sinksOf(ctx, file, 'outer')).toEqual(['1 -> logger.info via logRequest']);
  });

  it('arrows, templates and pass-through methods are followed', () => {
    expect(sinksOf(ctx, file, 'viaArrow')).toEqual(['0 -> console.log']);
  });

  it('a destructured parameter reaches the sink by its field', () => {
    expect(sinksOf(ctx, file, 'fields')).toEqual(['0.secretValue -> console.log']);
  });

  it('recursion ends (direct and mutual) and keeps what the body itself logs', () => {
    expect(sinksOf(ctx, file, 'recurse')).toEqual(['0 -> console.warn']);
    expect(sinksOf(ctx, file, 'pingPong')).toEqual(['0 -> console.error via pongPing']);
    expect(sinksOf(ctx, file, 'quiet')).toEqual([]);
  });

  it('a call chain deeper than the bound is followed no further, whatever was asked first', () => {
    const chain = parse(
      Array.from({ length: 10 }, (_, i) =>
        i === 9 ? `function f9(v: string) { console.log(v); }` : `function f${i}(v: string) { f${i + 1}(v); }`,
      ).join('\n'),
    );
    const deepest = '0 -> console.log via f5 via f6 via f7 via f8 via f9';
    const fresh = createFlowContext(t);
    expect(sinksOf(fresh, chain, 'f0')).toEqual([]);
    expect(sinksOf(fresh, chain, 'f3')).toEqual([]);
    expect(sinksOf(fresh, chain, 'f4')).toEqual([deepest]);
    expect(sinksOf(fresh, chain, 'f9')).toEqual(['0 -> console.log']);
    // Asked in the other order, the same answers.
    const other = createFlowContext(t);
    expect(sinksOf(other, chain, 'f9')).toEqual(['0 -> console.log']);
    expect(sinksOf(other, chain, 'f4')).toEqual([deepest]);
    expect(sinksOf(other, chain, 'f3')).toEqual([]);
    expect(sinksOf(other, chain, 'f0')).toEqual([]);
  });

  it('a recursive group is computed once too (cached when its outermost member is done)', () => {
    const fresh = createFlowContext(t);
    const ping = functionNamed(file, 'pingPong');
    const first = parameterSinks(fresh, ping, logSink);
    expect(parameterSinks(fresh, ping, logSink)).toBe(first);
    const pong = functionNamed(file, 'pongPing');
    expect(parameterSinks(fresh, pong, logSink)).toBe(parameterSinks(fresh, pong, logSink));
  });

  it('a callee is not summarized when what the call passes mentions nothing the function binds (issue 17)', () => {
    const probe = parse(`
function caller(v: string) { hashedOn(sha256(v)); constantOn('x'); passedOn(v); }
function hashedOn(w: string) { console.log(w); }
function constantOn(w: string) { console.log(w); }
function passedOn(w: string) { console.log(w); }`);
    const asked = new Set<string>();
    const spying: SinkRecognizer = {
      key: 'test-log-spy',
      sinkOf(flowCtx, call) {
        let at: ts.Node = call;
        while (!ts.isFunctionDeclaration(at) && at.parent) at = at.parent;
        if (ts.isFunctionDeclaration(at)) asked.add(at.name!.text);
        return logSink.sinkOf(flowCtx, call);
      },
    };
    const found = parameterSinks(createFlowContext(t), functionNamed(probe, 'caller'), spying);
    expect(found.map((s) => s.through.map((c) => c.expression.getText()))).toEqual([['passedOn']]);
    // `constantOn('x')` mentions nothing `caller` binds: its callee is neither resolved nor summarized.
    expect([...asked].sort()).toEqual(['caller', 'hashedOn', 'passedOn']);
  });

  it('is computed once per declaration and recogniser', () => {
    const fn = functionNamed(file, 'logRequest');
    expect(parameterSinks(ctx, fn, logSink)).toBe(parameterSinks(ctx, fn, logSink));
  });

  it('a summary that throws is empty, and the check goes on', () => {
    const throwing: SinkRecognizer = {
      key: 'throws',
      sinkOf() {
        throw new Error('boom');
      },
    };
    expect(parameterSinks(ctx, functionNamed(file, 'logRequest'), throwing)).toEqual([]);
  });
});

describe('returnedParameters', () => {
  const file = parse(`
const bearer = (t: string) => \`Bearer \${t}\`;
function wrap(key: string, id: string) { return { key, id: id.length }; }
function hashed(pw: string) { return sha256(pw); }
function pick({ token, user }: { token: string; user: string }) { return user; }
function twice(v: string) { return prefixed(v); }
const prefixed = (v: string) => 'p:' + v;
declare const apiToken: string;
console.log(bearer(apiToken));
console.log(hashed(apiToken));
console.log(pick({ token: apiToken, user: 'u' }));
console.log(twice(process.env.SESSION_SECRET));
`);
  const ctx = createFlowContext(t);
  const returned = (name: string) =>
    returnedParameters(ctx, functionNamed(file, name)).map((u) => `${u.index}${u.key ? `.${u.key}` : ''}`);

  it('says which parameters come back unsanitized', () => {
    expect(returned('bearer')).toEqual(['0']);
    expect(returned('wrap')).toEqual(['0']);
    expect(returned('hashed')).toEqual([]);
    expect(returned('pick')).toEqual(['0.user']);
    expect(returned('twice')).toEqual(['0']);
  });

  it('a call of a pass-through helper carries what its argument carries', () => {
    const flows = callsOf(file, 'console.log').map((c) => valueSources(ctx, c.arguments[0]!).map((f) => f.source.name));
    expect(flows).toEqual([['apiToken'], [], [], ['process.env.SESSION_SECRET']]);
  });
});

describe('crossFunctionFlows (same file)', () => {
  const file = parse(`
function logRequest(value: string) { logger.info(value); }
function logToken(token: string) { logger.info(token); }
declare const apiKey: string;
logRequest(apiKey);
logRequest('static');
logToken(apiKey);
`);
  const ctx = createFlowContext(t);

  it('finds the secret a call hands to a parameter that reaches a sink', () => {
    const [secret, literal] = callsOf(file, 'logRequest');
    expect(crossFunctionFlows(ctx, secret!, logSink).map((c) => `${c.flow.source.name} -> ${c.sink}`)).toEqual([
      'apiKey -> logger.info',
    ]);
    expect(crossFunctionFlows(ctx, literal!, logSink)).toEqual([]);
  });

  it('leaves library code (node_modules, declaration files) to the catalogs', () => {
    const library = ts.createSourceFile(
      '/app/node_modules/lib/index.js',
      'function logRequest(value) { logger.info(value); }\nlogRequest(apiKey);',
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.JS,
    );
    expect(crossFunctionFlows(ctx, callsOf(library, 'logRequest')[0]!, logSink)).toEqual([]);
  });

  it('leaves a secret-named parameter to the callee, whose body is reported', () => {
    expect(crossFunctionFlows(ctx, callsOf(file, 'logToken')[0]!, logSink)).toEqual([]);
  });
});

// Type-checking against the default library is slow on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const FILES: Record<string, string> = {
  'src/http.ts': `
declare const logger: { info(...args: unknown[]): void };
export function logRequest(value: string): void {
  logger.info('request', value);
}
export function logMasked(value: string): void {
  logger.info('request', redact(value));
}
declare function redact(v: string): string;
export class Client {
  send(body: string): void {
    logRequest(body);
  }
}
`,
  'src/index.ts': `export { logRequest as logCall, Client } from './http.js';\nexport { logMasked } from './http.js';\n`,
  'src/app.ts': `
import { logCall, logMasked, Client } from './index.js';
declare const process: { env: Record<string, string | undefined> };
const apiKey = process.env.STRIPE_API_KEY ?? '';
logCall(apiKey);
logMasked(apiKey);
new Client().send(apiKey);
`,
};

describe('with a checker: imported, re-exported and method summaries', () => {
  let dir: string;
  let program: ts.Program;
  let app: ts.SourceFile;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'summaries-'));
    for (const [name, text] of Object.entries(FILES)) {
      const path = join(dir, name);
      ts.sys.createDirectory(join(path, '..'));
      writeFileSync(path, text);
    }
    program = ts.createProgram([join(dir, 'src/app.ts')], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      noEmit: true,
      noLib: true,
    });
    app = program.getSourceFile(join(dir, 'src/app.ts'))!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function lint(): CheckReport[] {
    const reports: CheckReport[] = [];
    runChecksOnFile(
      {
        ts: t,
        sourceFile: app,
        program,
        checker: program.getTypeChecker(),
        relativePath: 'src/app.ts',
      },
      [{ check: noSecretLogging, options: { minConfidence: 'low' }, onReport: (r) => reports.push(r) }],
    );
    return reports;
  }

  it('reports a secret passed to a re-exported helper and to a method of an imported class, with the path', () => {
    const reports = lint();
    const lines = reports.map((r) => app.getLineAndCharacterOfPosition(r.node.getStart()).line + 1);
    expect(lines).toEqual([5, 7]);
    expect(reports.map((r) => r.data?.['sink'])).toEqual([
      'logger.info through logCall() (src/http.ts:4)',
      'logger.info through new Client().send(), logRequest() (src/http.ts:4)',
    ]);
    expect(reports.every((r) => r.confidence === 'high')).toBe(true);
  });

  it('is cached once per program: flow contexts of other checks and files share it', () => {
    const http = program.getSourceFile(join(dir, 'src/http.ts'))!;
    const fn = functionNamed(http, 'logRequest');
    const checker = program.getTypeChecker();
    const first = parameterSinks(createFlowContext(t, { checker }), fn, logSink);
    expect(first).toHaveLength(1);
    expect(parameterSinks(createFlowContext(t, { checker }), fn, logSink)).toBe(first);
    // Other sanitizers are other summaries.
    expect(parameterSinks(createFlowContext(t, { checker, sanitizers: ['nothing'] }), fn, logSink)).not.toBe(first);
  });

  it('gives the steps from the secret to the sink, across files', () => {
    const [first] = lint();
    expect(first!.steps!.map((s) => `${s.node.getSourceFile().fileName.slice(dir.length + 1)}: ${s.message}`)).toEqual([
      'src/app.ts: apiKey is passed to logCall()',
      'src/http.ts: reaches logger.info',
    ]);
  });
});
