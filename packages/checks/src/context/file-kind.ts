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
    // Development-mode defaults that Next.js and Vite load with `next dev`/`vite` and document as committed.
    '**/.env.{development,dev}',
  ],
  locale: [
    '**/{locale,locales,i18n,l10n,lang,langs,translations,translation,messages,intl}/**/*.{json,json5,yaml,yml,po,properties}',
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
  ],
  test: [
    '**/*.{test,spec,bench,benchmark}.*',
    '**/*-{test,spec}.*',
    '**/*_{test,spec}.*',
    '**/{test,tests,__tests__,testing,test-utils,test-helpers,testutils,spec,specs,benchmark,benchmarks,bench}/**',
    '**/tests[0-9]/**',
    '**/*-{test,testing}-{utils,helpers,kit}/**',
    '**/{jest,vitest,karma,ava,mocha}.{config,setup}.*',
    '**/{jest,vitest}.setup*.*',
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
  docs: ['**/*.{md,mdx,markdown,rst,txt,adoc}'],
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
  ...['vitest', '@jest/globals', 'node:test', 'mocha', 'chai', 'sinon', 'ava', 'uvu', 'tap', 'supertest'].map(
    (m) => [m, 'test'] as const,
  ),
  ...['@playwright/test', 'cypress'].map((m) => [m, 'e2e'] as const),
]);

/** Module prefixes of test libraries (`@testing-library/react`, `@vitest/spy`). */
const TEST_FRAMEWORK_SCOPES: readonly string[] = ['@testing-library/', '@vitest/'];

/**
 * The kind of a TypeScript or JavaScript file: by its path (`fileKindOf`), and a file the path calls
 * product code that imports a test framework is test (or e2e) code. A `product` pattern of the
 * settings still wins.
 */
export function fileKindOfSource(
  t: typeof ts, // not check.ts's alias: check.ts imports this module's types
  sourceFile: ts.SourceFile,
  relativePath: string,
  extra: FileKindPatterns = NO_EXTRA,
): FileKind {
  const kind = fileKindOf(relativePath, extra);
  if (kind !== 'product' || compile(extra).product?.(relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '')))
    return kind;
  for (const statement of sourceFile.statements) {
    if (!t.isImportDeclaration(statement) || !t.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    const testKind =
      TEST_FRAMEWORK_MODULES.get(module) ??
      (TEST_FRAMEWORK_SCOPES.some((scope) => module.startsWith(scope)) ? 'test' : undefined);
    if (testKind) return testKind;
  }
  return kind;
}

/** `fileName` relative to `root` when it lies below it, with `/` separators; else the path as it is. */
export function relativeToRoot(fileName: string, root: string | undefined): string {
  const path = fileName.replace(/\\/g, '/');
  if (!root) return path;
  const base = root.replace(/\\/g, '/');
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
