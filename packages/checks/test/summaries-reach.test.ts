import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programOnDisk, type ProgramOnDisk } from './program-on-disk.js';
import type { TypeScript } from '../src/check.js';
import { createFlowContext, crossFunctionFlows, functionsAround, type SinkRecognizer } from '../src/flow/index.js';
import { registerProgram } from '../src/flow/project-functions.js';

// Which calls reach a function that takes a parameter to a sink, across modules (issue 14), and
// which calls may reach a set of functions known by name (`functionsAround`, issue 17).

const t = ts as unknown as TypeScript;

/** Calls of `sink(...)`. */
const SINK: SinkRecognizer = {
  key: 'test-sink',
  sinkOf(_ctx, call) {
    return ts.isIdentifier(call.expression) && call.expression.text === 'sink'
      ? { display: 'sink', values: [...call.arguments] }
      : undefined;
  },
};

function parse(code: string, name = 'probe.ts'): ts.SourceFile {
  return ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function callOf(file: ts.SourceFile, callee: string): ts.CallExpression {
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.getText() === callee) found ??= n;
    ts.forEachChild(n, visit);
  };
  visit(file);
  if (!found) throw new Error(`no call of ${callee}`);
  return found;
}

const paths = (flows: ReturnType<typeof crossFunctionFlows>): string[] =>
  flows.map((f) => `${f.flow.source.name} -> ${f.sink} via ${f.through.map((c) => c.expression.getText()).join(', ')}`);

describe('summaries across modules: imports, renames, default exports, methods', () => {
  let disk: ProgramOnDisk;
  let dir: string;
  let program: ts.Program;
  const FILES: Record<string, string> = {
    'seal.ts': `declare function sink(v: string): void;
const KEY = 'open';
export default function seal(v: string) { sink(v); }
export function wrap(v: string) { sink(v); }
export const arrow = (v: string) => wrap(v);
export function constant(v: string) { sink('fixed'); }
export class Box { put(v: string) { sink(v); } [KEY](v: string) { sink(v); } }
export { wrap as renamed };
`,
    'app.ts': `import s, { wrap as w, renamed, arrow, constant, Box } from './seal.js';
import * as m from './seal.js';
declare const apiKey: string;
declare const box: Box;
s(apiKey);
w(apiKey);
renamed(apiKey);
m.wrap(apiKey);
arrow(apiKey);
box.put(apiKey);
box.open(apiKey);
function viaLocal(k: string) { w(k); }
viaLocal(apiKey);
function quiet(k: string) { other(k); }
function other(k: string) { return k.length; }
quiet(apiKey);
constant(apiKey);
unresolved(apiKey);
`,
  };

  beforeAll(() => {
    disk = programOnDisk('summaries-reach-', FILES, 'app.ts', { noLib: true });
    ({ dir, program } = disk);
  });
  afterAll(() => disk.remove());

  it('finds the sink through imports, renames, a default export, methods and a computed name', () => {
    const checker = program.getTypeChecker();
    registerProgram(checker, program);
    const app = program.getSourceFile(join(dir, 'app.ts'))!;
    const ctx = createFlowContext(t, { checker });
    const byCall = app.statements
      .filter((s): s is ts.ExpressionStatement => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression))
      .map((s) => `${s.getText()} ${paths(crossFunctionFlows(ctx, s.expression as ts.CallExpression, SINK))}`);
    expect(byCall.filter((line) => line.includes('-> sink'))).toEqual([
      's(apiKey); apiKey -> sink via s',
      'w(apiKey); apiKey -> sink via w',
      'renamed(apiKey); apiKey -> sink via renamed',
      'm.wrap(apiKey); apiKey -> sink via m.wrap',
      'arrow(apiKey); apiKey -> sink via arrow, wrap',
      'box.put(apiKey); apiKey -> sink via box.put',
      'box.open(apiKey); apiKey -> sink via box.open',
      'viaLocal(apiKey); apiKey -> sink via viaLocal, w',
    ]);
  });
});

describe('functionsAround (the storage check: functions that call setItem)', () => {
  const file = parse(`
import { save as store } from './x.js';
export function save(key: string, value: string) { localStorage.setItem(key, value); }
function outer() { const inner = (v: string) => sessionStorage.setItem('k', v); return inner; }
function callsSave(v: string) { save('k', v); }
const obj = { put(v: string) { localStorage.setItem('k', v); } };
save('a', 'b'); store('a', 'b'); outer(); callsSave('x'); obj.put('v'); other.put('v'); unrelated('v');`);
  const names = functionsAround(t, [file], (call) => call.expression.getText().endsWith('.setItem'))!;
  const reaches = (callee: string): boolean => names.mayReach(callOf(file, callee).expression);

  it('the functions around a seed, by name and rename, may be called; a caller of one is not one', () => {
    expect(['save', 'store', 'outer', 'obj.put', 'other.put'].filter(reaches)).toEqual([
      'save',
      'store',
      'outer',
      'obj.put',
      'other.put',
    ]);
    expect(['callsSave', 'unrelated'].filter(reaches)).toEqual([]);
  });
});
