import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programOnDisk, type ProgramOnDisk } from './program-on-disk.js';
import type { TypeScript } from '../src/check.js';
import { callersOf } from '../src/flow/callers.js';
import { createFlowContext } from '../src/flow/index.js';
import { registerProgram } from '../src/flow/project-functions.js';

// The calls of a function across modules (a service method called from a controller), found by name
// and resolved to the very function: what `no-timing-unsafe-compare` asks to see who fills a parameter.

const t = ts as unknown as TypeScript;

function functionNamed(file: ts.SourceFile, name: string): ts.FunctionLikeDeclaration {
  let found: ts.FunctionLikeDeclaration | undefined;
  const visit = (n: ts.Node): void => {
    if ((ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n)) && n.name?.getText() === name) found ??= n;
    if (ts.isVariableDeclaration(n) && n.name.getText() === name && n.initializer && ts.isArrowFunction(n.initializer))
      found ??= n.initializer;
    ts.forEachChild(n, visit);
  };
  visit(file);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

describe('callersOf', () => {
  let disk: ProgramOnDisk;
  let dir: string;
  let program: ts.Program;
  const FILES: Record<string, string> = {
    'service.ts': `export class InfraConfigService {
  getOnboardingConfig(token: string) { return token.length > 0; }
}
export const verify = (token: string) => token.length;
export function unused(token: string) { return token; }
`,
    'other.ts': `export class OtherService {
  getOnboardingConfig(token: string) { return token; }
}
`,
    'controller.ts': `import { InfraConfigService, verify } from './service.js';
import { OtherService } from './other.js';
declare const service: InfraConfigService;
declare const other: OtherService;
declare const query: { token: string };
export function route() {
  service.getOnboardingConfig(query.token);
  other.getOnboardingConfig('x');
  helper(query.token);
  return verify(query.token);
}
function helper(token: string) { return token; }
`,
  };

  beforeAll(() => {
    disk = programOnDisk('callers-', FILES, 'controller.ts', { noLib: true });
    ({ dir, program } = disk);
  });
  afterAll(() => disk.remove());

  it('finds the calls in other modules that resolve to the function, not those of a namesake', () => {
    const checker = program.getTypeChecker();
    registerProgram(checker, program);
    const ctx = createFlowContext(t, { checker });
    const service = program.getSourceFile(join(dir, 'service.ts'))!;
    const texts = (name: string) => callersOf(ctx, functionNamed(service, name)).map((c) => c.getText());
    expect(texts('getOnboardingConfig')).toEqual(['service.getOnboardingConfig(query.token)']);
    expect(texts('verify')).toEqual(['verify(query.token)']);
    expect(texts('unused')).toEqual([]);
  });

  it('without a checker, finds the calls in the function own file only', () => {
    const ctx = createFlowContext(t, {});
    const controller = program.getSourceFile(join(dir, 'controller.ts'))!;
    const service = program.getSourceFile(join(dir, 'service.ts'))!;
    expect(callersOf(ctx, functionNamed(controller, 'helper')).map((c) => c.getText())).toEqual([
      'helper(query.token)',
    ]);
    expect(callersOf(ctx, functionNamed(service, 'verify'))).toEqual([]);
  });
});
