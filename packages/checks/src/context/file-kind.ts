import type * as ts from 'typescript';
import picomatch from 'picomatch';

/**
 * What a file is for. Checks judge product code; the rest holds sample credentials, fake users and
 * UI text on purpose, and real code read by hand showed no true finding there (47 findings in test,
 * e2e, seed, story and CI files, 0 true). So outside `product` a finding is at most `low` confidence
 * (strict only), unless it is a live-looking credential in a known format, which leaks wherever it is.
 */
export type FileKind =
  | 'product'
  | 'test'
  | 'e2e'
  | 'fixture'
  | 'seed'
  | 'story'
  | 'example'
  | 'generated'
  | 'locale'
  | 'ci'
  | 'dev'
  | 'docs';

/** The kinds in the order they are tried: the first whose patterns match wins. */
export const fileKinds: readonly Exclude<FileKind, 'product'>[] = [
  'generated',
  'ci',
  'dev',
  'locale',
  'e2e',
  'story',
  'seed',
  'fixture',
  'test',
  'example',
  'docs',
];

/**
 * Globs per kind, matched against the path relative to the project root with `/` separators
 * (dot files included, any depth). Directory names are the common conventions of the JavaScript
 * ecosystem (jest, vitest, playwright, cypress, storybook, prisma/knex/sequelize seeds, i18next).
 */
export const DEFAULT_FILE_KIND_PATTERNS: Readonly<Record<Exclude<FileKind, 'product'>, readonly string[]>> = {
  generated: [
    '**/{generated,__generated__,codegen}/**',
    '**/*.{generated,gen}.*',
    '**/{dist,build,out,.next,.nuxt,.svelte-kit,.output,coverage,.turbo,.cache,.vercel,.netlify}/**',
    '**/*.min.{js,mjs,cjs,css}',
    '**/*.d.{ts,mts,cts}',
  ],
  ci: [
    '.github/**',
    '.gitlab-ci.yml',
    '.gitlab/**',
    '.circleci/**',
    '.buildkite/**',
    '.travis.yml',
    '**/azure-pipelines.yml',
    '**/bitbucket-pipelines.yml',
    '**/Jenkinsfile',
  ],
  // The local development environment: containers and tools a developer runs, never deployed as such.
  // Developer tooling in scripts/ and tools/ (benchmarks, codegen, local setup) runs on a developer's machine.
  dev: [
    '**/docker-compose*.{yml,yaml}',
    '**/compose.{yml,yaml}',
    '.devcontainer/**',
    '.gitpod.yml',
    '**/{dev,.dev}/**',
    '**/{scripts,tools}/**',
    // A local development server package beside the product (`packages/dev-server/`, load-testing scripts in it).
    '**/{dev-server,devserver,dev-app}/**',
    // Development-mode defaults that Next.js and Vite load with `next dev`/`vite` and document as committed.
    '**/.env.{development,dev}',
    // A variant of it for one local setup (`.env.dev-azure` against the Azurite emulator); not `.local`,
    // where a developer keeps their own keys.
    '**/.env.{development,dev}{-,_}*',
  ],
  locale: [
    '**/{locale,locales,i18n,l10n,lang,langs,translations,translation,messages,intl}/**/*.{json,json5,yaml,yml,po,properties}',
    // A folder named for translations with a qualifier (`i18n-messages/`, `locales-app/`, `app_translations/`).
    '**/{i18n,l10n,locale,locales,translations}{-,_}*/**/*.{json,json5,yaml,yml,po,properties}',
    '**/*{-,_}{i18n,l10n,locales,translations}/**/*.{json,json5,yaml,yml,po,properties}',
    '**/{locale,locales,i18n,l10n,lang,langs,translations}/**/*.{ts,js,mjs,cjs}',
    '**/*.{locale,i18n,l10n}.{json,yaml,yml,ts,js}',
  ],
  e2e: [
    '**/{e2e,e2e-tests,e2e_tests,cypress,playwright,integration-tests,acceptance}/**',
    '**/*.{e2e,e2e-spec,cy,pw}.*',
    '**/{playwright,cypress}.config.*',
  ],
  story: ['**/*.{stories,story}.*', '**/.storybook/**', '**/stories/**'],
  seed: [
    '**/{seed,seeds,seeders,seeding,seed-data}/**',
    '**/{seed,seeds}.*',
    '**/*.{seed,seeds,seeder}.*',
    '**/seed-*.*',
    '**/*-seed.*',
  ],
  fixture: [
    '**/{fixtures,fixture,__fixtures__,testdata,test-data,test_data,mocks,__mocks__,mock-data,__snapshots__,stubs}/**',
    '**/*.{fixture,fixtures,mock,mocks,stub}.*',
    '**/{mock,mocks,test-fixtures,testFixtures}.*',
    // Made-up data under a name that says so (`mock-events.ts` feeds an e-mail template preview, `api-mocks.ts`).
    '**/{mock,mocks}{-,_}*.*',
    '**/*{-,_}{mock,mocks}.*',
  ],
  test: [
    '**/*.{test,spec,bench,benchmark}.*',
    '**/*-{test,spec}.*',
    '**/*_{test,spec}.*',
    '**/{test,tests,__tests__,testing,test-utils,test-helpers,testutils,spec,specs,benchmark,benchmarks,bench}/**',
    '**/tests[0-9]/**',
    '**/*-{test,testing}-{utils,helpers,kit}/**',
    // A folder or package named for a kind of test (`insomnia-smoke-test/`, `examples-smoke-tests/`,
    // `api_integration_tests/`). A bare `-test` or `-tests` is not enough: products name features so
    // (`send-test/` sends a test webhook, `complete-tests/` ends A/B tests, `ab-testing/`).
    '**/{,*[-_.]}{smoke,e2e,integration,unit,regression,acceptance,functional,contract,load,perf,stress,visual}{-,_,}{test,tests}/**',
    // A file-name suffix that says which side a test runs on (`slack.servertest.ts`, `x.clientspec.ts`).
    '**/*.{server,client,unit,integration,int,node,browser,dom,component,api,smoke}{test,spec}.*',
    '**/{jest,vitest,karma,ava,mocha}.{config,setup}.*',
    '**/{jest,vitest}.setup*.*',
    // The test runner's setup and preload modules under another name (`vitest-e2e.setup.ts`, `test-preload.ts`).
    '**/{jest,vitest}-*.setup.*',
    '**/{test,tests}-{setup,preload}.*',
    '**/setup{Tests,-tests}.*',
    // The test run's environment (`NODE_ENV=test`, loaded by dotenv-flow, Next.js and Vite in test mode only).
    '**/.env.{test,testing}',
    '**/.env.{test,testing}.*',
    '**/test.env',
  ],
  example: [
    '**/{example,examples,sample,samples,demo,demos,playground,playgrounds,sandbox}/**',
    // A demo or example application beside the product (`packages/demo-app/`, `sample-app/`).
    '**/{demo,example,sample}-{app,apps}/**',
    '**/*-{demo,example,sample}-app/**',
    '**/*.{example,sample,template,dist,tpl}',
    '**/*.{example,sample}.*',
  ],
  // Prose only: code under docs/ is often a deployed docs site (its API routes hold real secrets).
  docs: [
    '**/*.{md,mdx,markdown,rst,txt,adoc}',
    // API descriptions: their `example` values document requests, they configure nothing.
    '**/{swagger,openapi}.{json,yaml,yml}',
    '**/*.{swagger,openapi}.{json,yaml,yml}',
  ],
};

/** Extra globs per kind (`settings['secret-hygiene'].fileKinds`), tried before the defaults; `product` overrides all. */
export type FileKindPatterns = Partial<Readonly<Record<FileKind, readonly string[]>>>;

type Matcher = (path: string) => boolean;

interface CompiledKinds {
  readonly product: Matcher | undefined;
  readonly byKind: readonly (readonly [Exclude<FileKind, 'product'>, Matcher])[];
}

const compiled = new WeakMap<object, CompiledKinds>();
const NO_EXTRA: FileKindPatterns = {};

function compile(extra: FileKindPatterns): CompiledKinds {
  const cached = compiled.get(extra);
  if (cached) return cached;
  const glob = (patterns: readonly string[]): Matcher | undefined =>
    patterns.length === 0 ? undefined : picomatch([...patterns], { dot: true, nocase: true });
  const byKind = fileKinds.map(
    (kind) => [kind, glob([...(extra[kind] ?? []), ...DEFAULT_FILE_KIND_PATTERNS[kind]])!] as const,
  );
  const result = { product: glob(extra.product ?? []), byKind };
  compiled.set(extra, result);
  return result;
}

/**
 * The kind of a file from its path relative to the project root (`/` separators). Paths outside the
 * root (starting with `../`) or absolute are judged by their own segments, so a checkout that lives
 * under `~/tests/app` is not all tests when the host gives the right root.
 */
export function fileKindOf(relativePath: string, extra: FileKindPatterns = NO_EXTRA): FileKind {
  const path = relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const kinds = compile(extra);
  if (kinds.product?.(path)) return 'product';
  for (const [kind, matches] of kinds.byKind) if (matches(path)) return kind;
  return 'product';
}

/**
 * Modules that only tests import: test runners, their assertion and mocking libraries. A module
 * that imports one is test code wherever it lives (`apps/web/vitestSetup.ts`, an `integration/`
 * harness). Browser-driving runners make it e2e code.
 */
const TEST_FRAMEWORK_MODULES: ReadonlyMap<string, FileKind> = new Map<string, FileKind>([
  ...[
    'vitest',
    '@jest/globals',
    'node:test',
    'bun:test',
    'mocha',
    'chai',
    'sinon',
    'ava',
    'uvu',
    'tap',
    'tape',
    'qunit',
    'jasmine',
    'supertest',
    'nock',
  ].map((m) => [m, 'test'] as const),
  ...['@playwright/test', 'cypress'].map((m) => [m, 'e2e'] as const),
]);

/** Module prefixes of test libraries (`@testing-library/react`, `@vitest/spy`). */
const TEST_FRAMEWORK_SCOPES: readonly string[] = ['@testing-library/', '@vitest/'];

/**
 * The kind of a TypeScript or JavaScript file: by its path (`fileKindOf`); a file the path calls
 * product code that imports a test framework is test (or e2e) code, and so is one in a folder of the
 * program whose modules mostly do (`folderKindOf`). A `product` pattern of the settings still wins.
 */
export function fileKindOfSource(
  t: typeof ts, // not check.ts's alias: check.ts imports this module's types
  sourceFile: ts.SourceFile,
  relativePath: string,
  extra: FileKindPatterns = NO_EXTRA,
  program?: ts.Program,
): FileKind {
  const kind = fileKindOf(relativePath, extra);
  if (kind !== 'product' || compile(extra).product?.(relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '')))
    return kind;
  return testImportKind(t, sourceFile) ?? (program ? folderKindOf(t, program, sourceFile, relativePath, extra) : kind);
}

/** `test` or `e2e` when the module imports a test framework (`TEST_FRAMEWORK_MODULES`). */
function testImportKind(t: typeof ts, sourceFile: ts.SourceFile): FileKind | undefined {
  for (const statement of sourceFile.statements) {
    if (!t.isImportDeclaration(statement) || !t.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    const testKind =
      TEST_FRAMEWORK_MODULES.get(module) ??
      (TEST_FRAMEWORK_SCOPES.some((scope) => module.startsWith(scope)) ? 'test' : undefined);
    if (testKind) return testKind;
  }
  return undefined;
}

/** Per program: the modules of each folder (by absolute directory), and each folder's verdict. */
const folders = new WeakMap<
  ts.Program,
  { readonly byDirectory: Map<string, ts.SourceFile[]>; readonly kinds: Map<string, FileKind> }
>();

/**
 * The kind of a module's folder, from the program's other modules there: a folder where at least two
 * modules, and more than half of those its path calls product code, import a test framework is a test
 * harness, and its other modules (key fixtures, helpers, runners) are test code too. Real code: jose's
 * `tap/`, where most modules import `qunit` and `fixtures.ts` holds the test key pairs. The folder's
 * name is no evidence (`tap/` is also a payments word), and a product folder with co-located
 * `*.test.ts` files is untouched: their path already classifies them, so they are not counted. The
 * ESLint host without type information has no program and judges the file alone.
 */
function folderKindOf(
  t: typeof ts,
  program: ts.Program,
  sourceFile: ts.SourceFile,
  relativePath: string,
  extra: FileKindPatterns,
): FileKind {
  let cache = folders.get(program);
  if (!cache) {
    const byDirectory = new Map<string, ts.SourceFile[]>();
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
      const directory = directoryOf(file.fileName);
      const list = byDirectory.get(directory);
      if (list) list.push(file);
      else byDirectory.set(directory, [file]);
    }
    cache = { byDirectory, kinds: new Map() };
    folders.set(program, cache);
  }
  const directory = directoryOf(sourceFile.fileName);
  const known = cache.kinds.get(directory);
  if (known) return known;
  const relativeDirectory = directoryOf(relativePath.replace(/\\/g, '/'));
  let modules = 0;
  const importers = new Map<FileKind, number>();
  for (const file of cache.byDirectory.get(directory) ?? []) {
    const base = file.fileName.slice(directory.length);
    if (fileKindOf(relativeDirectory + base, extra) !== 'product') continue;
    modules++;
    const testKind = testImportKind(t, file);
    if (testKind) importers.set(testKind, (importers.get(testKind) ?? 0) + 1);
  }
  const count = [...importers.values()].reduce((sum, n) => sum + n, 0);
  const kind: FileKind =
    count >= 2 && count * 2 > modules
      ? (importers.get('e2e') ?? 0) > (importers.get('test') ?? 0)
        ? 'e2e'
        : 'test'
      : 'product';
  cache.kinds.set(directory, kind);
  return kind;
}

/** The directory part of a `/`-separated path, with its trailing slash (`''` for a bare name). */
function directoryOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  return normalized.slice(0, normalized.lastIndexOf('/') + 1);
}

/** `fileName` relative to `root` when it lies below it, with `/` separators; else the path as it is. */
export function relativeToRoot(fileName: string, root: string | undefined): string {
  const path = fileName.replace(/\\/g, '/');
  if (!root) return path;
  const base = root.replace(/\\/g, '/');
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
