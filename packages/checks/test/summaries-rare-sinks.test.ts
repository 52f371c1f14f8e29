import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypeScript } from '../src/check.js';
import { createFlowContext, crossFunctionFlows, functionsAround, type SinkRecognizer } from '../src/flow/index.js';
import { registerProgram } from '../src/flow/project-functions.js';
import { RARE_SINK_PASS_AFTER } from '../src/flow/summaries/sinks.js';

// A rare sink kind (ciphers, hashes): summaries of it are computed only when some sink of the
// program takes a value from a parameter (issue 17). Either way the answers are those of the
// same recogniser without `rare`.

const t = ts as unknown as TypeScript;

/** Calls of `sink(...)`, counting how often each call is asked about. */
function sinkSpy(rare: boolean): { recognizer: SinkRecognizer; asked: Map<ts.Node, number> } {
  const asked = new Map<ts.Node, number>();
  const recognizer: SinkRecognizer = {
    key: `test-sink-${rare}`,
    rare,
    sinkOf(_ctx, call) {
      asked.set(call, (asked.get(call) ?? 0) + 1);
      return ts.isIdentifier(call.expression) && call.expression.text === 'sink'
        ? { display: 'sink', values: [...call.arguments] }
        : undefined;
    },
  };
  return { recognizer, asked };
}

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

describe('rare sinks, same file (no checker)', () => {
  it('without a checker there is no pass: summaries stay in the file and cost what the pass would', () => {
    const code = `
declare const apiKey: string;
function helper(x: string) { other(x); }
function other(y: string) { sink('constant'); }
helper(apiKey);`;
    const asked = [true, false].map((rare) => {
      const spy = sinkSpy(rare);
      expect(crossFunctionFlows(createFlowContext(t), callOf(parse(code), 'helper'), spy.recognizer)).toEqual([]);
      return [...spy.asked.values()];
    });
    // The summaries of helper and other ask about their two calls; the top-level call is never asked about.
    expect(asked).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('a sink that takes a parameter anywhere: the same answers as without `rare`', () => {
    const code = `
declare const apiKey: string;
function helper(x: string) { other(x); }
function other(y: string) { sink(y); }
function unrelated(z: string) { sink(z); }
helper(apiKey);`;
    const answers = [true, false].map((rare) => {
      const file = parse(code);
      return paths(crossFunctionFlows(createFlowContext(t), callOf(file, 'helper'), sinkSpy(rare).recognizer));
    });
    expect(answers[0]).toEqual(['apiKey -> sink via helper, other']);
    expect(answers[0]).toEqual(answers[1]);
  });
});

describe('rare sinks, with a checker: the whole program is asked, renames followed', () => {
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
    dir = mkdtempSync(join(tmpdir(), 'summaries-rare-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    program = ts.createProgram([join(dir, 'app.ts')], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      noEmit: true,
      noLib: true,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every top-level call of app.ts and what crosses it, with the recogniser rare or not. */
  function answers(rare: boolean): { byCall: string[]; asked: Map<ts.Node, number> } {
    const checker = program.getTypeChecker();
    registerProgram(checker, program);
    const app = program.getSourceFile(join(dir, 'app.ts'))!;
    const { recognizer, asked } = sinkSpy(rare);
    const ctx = createFlowContext(t, { checker });
    // The pass is made once enough calls were asked about (a one-file lint never makes it).
    const warmUp = callOf(app, 'unresolved');
    for (let i = 0; i < RARE_SINK_PASS_AFTER; i++) crossFunctionFlows(ctx, warmUp, recognizer);
    const byCall = app.statements
      .filter((s): s is ts.ExpressionStatement => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression))
      .map((s) => `${s.getText()} ${paths(crossFunctionFlows(ctx, s.expression as ts.CallExpression, recognizer))}`);
    return { byCall, asked };
  }

  it('finds what the same recogniser finds without `rare`: imports, renames, default, methods, a computed name', () => {
    // A program (and so a checker) per side: summaries are cached per checker and recogniser key.
    const rare = answers(true).byCall;
    program = ts.createProgram({ rootNames: program.getRootFileNames(), options: program.getCompilerOptions() });
    expect(rare).toEqual(answers(false).byCall);
    expect(rare.filter((line) => line.includes('-> sink'))).toEqual([
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

  it('a few calls asked about make no pass over the program', () => {
    program = ts.createProgram({ rootNames: program.getRootFileNames(), options: program.getCompilerOptions() });
    const checker = program.getTypeChecker();
    registerProgram(checker, program);
    const { recognizer, asked } = sinkSpy(true);
    const app = program.getSourceFile(join(dir, 'app.ts'))!;
    expect(paths(crossFunctionFlows(createFlowContext(t, { checker }), callOf(app, 'w'), recognizer))).toEqual([
      'apiKey -> sink via w',
    ]);
    // Only the summary of wrap asked about its call; the pass would have read app.ts too.
    expect([...asked.keys()].map((c) => c.getText())).toEqual(['sink(v)']);
  });

  it('a call whose callee cannot reach a sink has no summary computed (asked about once, by the pass)', () => {
    program = ts.createProgram({ rootNames: program.getRootFileNames(), options: program.getCompilerOptions() });
    const { asked } = answers(true);
    const otherCall = [...asked.keys()].find((c) => c.getText() === 'other(k)');
    expect(asked.get(otherCall!)).toBe(1);
    program = ts.createProgram({ rootNames: program.getRootFileNames(), options: program.getCompilerOptions() });
    const without = answers(false).asked;
    expect(without.get([...without.keys()].find((c) => c.getText() === 'other(k)')!)).toBe(1);
    // ...and the pass read seal.ts, where the sinks are: the checked file alone would have said "none".
    expect([...asked.keys()].some((c) => c.getSourceFile().fileName.endsWith('seal.ts'))).toBe(true);
  });
});

describe('functionsAround without following calls (the storage check: functions that call setItem)', () => {
  const file = parse(`
import { save as store } from './x.js';
export function save(key: string, value: string) { localStorage.setItem(key, value); }
function outer() { const inner = (v: string) => sessionStorage.setItem('k', v); return inner; }
function callsSave(v: string) { save('k', v); }
const obj = { put(v: string) { localStorage.setItem('k', v); } };
save('a', 'b'); store('a', 'b'); outer(); callsSave('x'); obj.put('v'); other.put('v'); unrelated('v');`);
  const names = functionsAround(t, [file], (call) => call.expression.getText().endsWith('.setItem'), false)!;
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
