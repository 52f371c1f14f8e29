import { describe, expect, it, vi } from 'vitest';
import { checksById } from '@secret-hygiene/checks';
import { ts } from 'ts-morph';
import { scan } from '../src/index.js';
import { buildProgram } from '../src/program/project.js';
import { SharedDeclarationFiles } from '../src/program/shared-source-files.js';
import type { ScanPhaseEvent } from '../src/progress.js';
import { flagName, makeProject } from './helpers.js';

// Each case builds several TypeScript programs; on a loaded 2-core machine that can pass the 5 s default.
vi.setConfig({ testTimeout: 120_000 });

const secretInResponse = checksById.get('no-secret-in-response')!;
const checks = [secretInResponse, flagName];
const keys = (r: Awaited<ReturnType<typeof scan>>) => r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

/** An app's tsconfig whose `@/*` alias points to its own src (as Next.js and Vite apps declare it). */
const appTsconfig = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      paths: { '@/*': ['./src/*'] },
      ...extra,
    },
    include: ['src'],
  });

/**
 * An app whose route answers with what `open` (imported through `@/lib/session`) decrypts: a claims
 * record (line 4: not reported, with types) and a record with an `apiKey` (line 8: reported either way).
 * Each app names its helper differently, so an alias resolved to the other app's src leaves it `any`.
 */
function app(dir: string, open: string, tsconfigName = 'tsconfig.json'): Record<string, string> {
  return {
    [`${dir}/${tsconfigName}`]: appTsconfig(),
    [`${dir}/src/lib/session.ts`]: `export declare function ${open}<P>(token: string): Promise<P | null>;\n`,
    [`${dir}/src/routes.ts`]: [
      `import { ${open} } from '@/lib/session';`,
      'export async function permission(res: { json(body: unknown): void }, token: string) {',
      `  const claims = await ${open}<{ userId: string }>(token);`,
      '  res.json(claims);',
      '}',
      'export async function reveal(res: { json(body: unknown): void }, blob: string) {',
      `  const value = await ${open}<{ apiKey: string }>(blob);`,
      '  res.json(value);',
      '}',
      '',
    ].join('\n'),
  };
}

describe('scan: one program per tsconfig when none is named', () => {
  it('gives each app of a monorepo without a root tsconfig its own `@/*` alias: typed results in both', async () => {
    const root = makeProject({ ...app('apps/web', 'decryptToken'), ...app('apps/admin', 'unsealClaims') });
    const phases: ScanPhaseEvent[] = [];
    const result = await scan({ root, checks, onPhase: (e) => phases.push(e) });
    // With one default program the alias does not resolve, the helper is `any`, and line 4 is reported too.
    expect(keys(result)).toEqual([
      'apps/admin/src/routes.ts:8 no-secret-in-response',
      'apps/web/src/routes.ts:8 no-secret-in-response',
    ]);
    expect(result.summary.programs.map((p) => [p.tsconfig, p.checked])).toEqual([
      ['apps/admin/tsconfig.json', 2],
      ['apps/web/tsconfig.json', 2],
    ]);
    expect(phases.filter((e) => e.phase === 'building-program')).toEqual([
      { phase: 'building-program', files: 2, program: { index: 1, count: 2, tsconfig: 'apps/admin/tsconfig.json' } },
      { phase: 'building-program', files: 2, program: { index: 2, count: 2, tsconfig: 'apps/web/tsconfig.json' } },
    ]);
    expect(result.diagnostics.filter((d) => d.kind === 'config')).toEqual([]);
  });

  it('follows a solution-style root tsconfig to the projects it references', async () => {
    const root = makeProject({
      'tsconfig.json': JSON.stringify({
        files: [],
        references: [{ path: './apps/web' }, { path: './apps/admin/tsconfig.app.json' }],
      }),
      ...app('apps/web', 'decryptToken'),
      // Reached only through the reference: not named tsconfig.json.
      ...app('apps/admin', 'unsealClaims', 'tsconfig.app.json'),
    });
    const result = await scan({ root, checks });
    expect(keys(result)).toEqual([
      'apps/admin/src/routes.ts:8 no-secret-in-response',
      'apps/web/src/routes.ts:8 no-secret-in-response',
    ]);
    expect(result.summary.programs.map((p) => p.tsconfig)).toEqual([
      'apps/admin/tsconfig.app.json',
      'apps/web/tsconfig.json',
    ]);
  });

  it('checks every file exactly once: one outside every include goes to its nearest tsconfig, one under none to the default program', async () => {
    const root = makeProject({
      ...app('apps/web', 'decryptToken'),
      'apps/web/vite.config.ts': 'export const bad = 1;\n', // outside `include: ["src"]`
      'apps/web/src/bad.ts': 'export const bad = 1;\n',
      'server/rotate.ts': 'export const bad = 1;\n', // no tsconfig encloses it
    });
    const result = await scan({ root, checks });
    expect(keys(result).filter((k) => k.endsWith('flag-name'))).toEqual([
      'apps/web/src/bad.ts:1 flag-name',
      'apps/web/vite.config.ts:1 flag-name',
      'server/rotate.ts:1 flag-name',
    ]);
    expect(result.summary.programs.map((p) => [p.tsconfig, p.checked])).toEqual([
      ['apps/web/tsconfig.json', 4],
      [null, 1],
    ]);
    expect(result.summary.programs.reduce((sum, p) => sum + p.checked, 0)).toBe(result.summary.files.typescript);
  });

  it("leaves the files a nearer tsconfig owns out of an enclosing tsconfig's program (parsed once)", async () => {
    const web = {
      'apps/web/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['**/*'] }),
      'apps/web/src/a.ts': 'export const bad = 1;\n',
    };
    const e2e = {
      'apps/web/e2e/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['.'] }),
      'apps/web/e2e/login.ts': 'export const login = 1;\n',
      'apps/web/e2e/logout.ts': 'export const logout = 1;\n',
    };
    const alone = await scan({ root: makeProject(web), checks: [flagName] });
    const nested = await scan({ root: makeProject({ ...web, ...e2e }), checks: [flagName] });
    const webProgram = (r: typeof alone) => r.summary.programs.find((p) => p.tsconfig === 'apps/web/tsconfig.json');
    expect(nested.summary.programs.map((p) => [p.tsconfig, p.checked])).toEqual([
      ['apps/web/e2e/tsconfig.json', 2],
      ['apps/web/tsconfig.json', 1],
    ]);
    expect(webProgram(nested)?.files).toBe(webProgram(alone)?.files);
  });

  it('keeps one program when the root tsconfig includes every file, nested tsconfigs or not', async () => {
    const root = makeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['**/*'] }),
      'apps/web/tsconfig.json': appTsconfig(),
      'apps/web/src/a.ts': 'export const bad = 1;\n',
      'src/b.ts': 'export const bad = 1;\n',
    });
    const result = await scan({ root, checks: [flagName] });
    expect(keys(result)).toEqual(['apps/web/src/a.ts:1 flag-name', 'src/b.ts:1 flag-name']);
    expect(result.summary.programs.map((p) => [p.tsconfig, p.checked])).toEqual([['tsconfig.json', 2]]);
  });

  it('says in one line that a tsconfig cannot be read, and scans its files with the default program', async () => {
    const root = makeProject({
      ...app('apps/web', 'decryptToken'),
      'apps/admin/tsconfig.json': '{ "compilerOptions": { ',
      'apps/admin/src/a.ts': 'export const bad = 1;\n',
    });
    const result = await scan({ root, checks });
    expect(keys(result)).toEqual(['apps/admin/src/a.ts:1 flag-name', 'apps/web/src/routes.ts:8 no-secret-in-response']);
    const config = result.diagnostics.filter((d) => d.kind === 'config');
    expect(config).toHaveLength(1);
    expect(config[0]).toMatchObject({ file: 'apps/admin/tsconfig.json' });
    expect(config[0]!.message).toMatch(/^cannot use apps\/admin\/tsconfig\.json: .*default program$/);
    expect(result.summary.programs.map((p) => [p.tsconfig, p.checked])).toEqual([
      ['apps/web/tsconfig.json', 2],
      [null, 1],
    ]);
  });

  it('says once that dependencies are not installed, however many programs lack them', async () => {
    const manifest = JSON.stringify({ dependencies: { zod: '^4.0.0' } });
    const root = makeProject({
      ...app('apps/web', 'decryptToken'),
      ...app('apps/admin', 'unsealClaims'),
      'apps/web/package.json': manifest,
      'apps/admin/package.json': manifest,
    });
    const result = await scan({ root, checks });
    const notices = result.diagnostics.filter((d) => d.kind === 'notice').map((d) => d.message);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^no node_modules for apps\/(admin|web)\/package\.json \(1 declared dependencies\) and 1 more: /,
    );
  });

  it('uses the named tsconfig for every file, as before', async () => {
    const root = makeProject({ ...app('apps/web', 'decryptToken'), ...app('apps/admin', 'unsealClaims') });
    const result = await scan({ root, checks, tsconfig: 'apps/web/tsconfig.json' });
    expect(result.summary.programs.map((p) => [p.tsconfig, p.checked])).toEqual([['apps/web/tsconfig.json', 4]]);
    // apps/admin's own alias is not in apps/web's tsconfig: its helper is `any` there.
    expect(keys(result)).toContain('apps/admin/src/routes.ts:4 no-secret-in-response');
    expect(keys(result)).not.toContain('apps/web/src/routes.ts:4 no-secret-in-response');
  });
});

describe('declaration files shared between programs', () => {
  const project = () =>
    makeProject({
      'types/api.d.ts': 'declare module "api" { export const version: string; }\n',
      'a.ts': 'import { version } from "api";\nexport const v = version;\n',
    });

  it('are parsed once for programs whose options parse and bind them alike, and apart otherwise', () => {
    const root = project();
    const declarationFiles = new SharedDeclarationFiles();
    const build = (target: ts.ScriptTarget) =>
      buildProgram({
        root,
        tsconfig: undefined,
        files: [`${root}/a.ts`, `${root}/types/api.d.ts`],
        config: { options: { target, noEmit: true }, rootNames: [], references: [] },
        declarationFiles,
      }).program;
    const first = build(ts.ScriptTarget.ES2022);
    const second = build(ts.ScriptTarget.ES2022);
    const other = build(ts.ScriptTarget.ESNext);
    const declaration = (p: typeof first) => p.getSourceFile(`${root}/types/api.d.ts`);
    expect(declaration(first)).toBeDefined();
    expect(declaration(second)).toBe(declaration(first));
    expect(declaration(other)).not.toBe(declaration(first));
    // The project's own sources are parsed by each program (kept alive only while it is).
    expect(second.getSourceFile(`${root}/a.ts`)).not.toBe(first.getSourceFile(`${root}/a.ts`));
    // The shared file still types the import in the second program.
    const checker = second.getTypeChecker();
    const statement = second.getSourceFile(`${root}/a.ts`)!.statements[1] as ts.VariableStatement;
    expect(checker.typeToString(checker.getTypeAtLocation(statement.declarationList.declarations[0]!.name))).toBe(
      'string',
    );
  });
});
