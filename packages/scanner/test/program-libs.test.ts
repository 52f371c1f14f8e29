import { describe, expect, it, vi } from 'vitest';
import type { ts } from 'ts-morph';
import { buildProgram } from '../src/program/project.js';
import { scan } from '../src/index.js';
import { makeProject } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'nodenext' } });

// ts-morph's TypeScript keeps its lib files in memory: a compiler host that looks for them on disk
// builds a program without `Array` or `Promise`, and every type that needs them becomes `any`.
describe('the scanner program', () => {
  it('has the lib files: global types resolve, with and without a tsconfig', () => {
    for (const withConfig of [true, false]) {
      const root = makeProject({
        ...(withConfig ? { 'tsconfig.json': TSCONFIG } : {}),
        'src/a.ts': 'export const xs: number[] = [1];\nexport const p = Promise.resolve(xs.map((x) => x + 1));\n',
      });
      const { program } = buildProgram({
        tsconfig: withConfig ? `${root}/tsconfig.json` : undefined,
        files: [`${root}/src/a.ts`],
      });
      expect(program.getGlobalDiagnostics().map((d) => d.messageText)).toEqual([]);
      expect(program.getOptionsDiagnostics().map((d) => d.messageText)).toEqual([]);
      const checker = program.getTypeChecker();
      const file = program.getSourceFile(`${root}/src/a.ts`)!;
      const declaration = (file.statements[1] as ts.VariableStatement).declarationList.declarations[0]!;
      expect(checker.typeToString(checker.getTypeAtLocation(declaration.name))).toBe('Promise<number[]>');
    }
  });

  it('knows the element type of an array: a token-type name from a list of literals is no token', async () => {
    const root = makeProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': [
        "export type TokenType = 'access' | 'refresh';",
        'declare const logger: { debug(m: string): void };',
        'export function setToken(kind: TokenType, value: string) {',
        '  logger.debug(`setting ${kind} cookie`);',
        '  return value.length;',
        '}',
        'export function clearAll(tokens: TokenType[]) {',
        "  for (const token of tokens) setToken(token, '');",
        "  tokens.forEach((token) => setToken(token, ''));",
        '}',
      ].join('\n'),
    });
    const result = await scan({ root, config: { preset: 'strict' } });
    expect(result.findings.filter((f) => f.ruleId === 'no-secret-logging')).toEqual([]);
  });
});
