import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against sources, so a change in one package is seen by the others without a rebuild.
// Exact matches only: subpath exports such as `@secret-hygiene/crypto/node` resolve normally.
const alias = [
  { find: /^@secret-hygiene\/checks$/, replacement: src('checks') },
  {
    find: /^@secret-hygiene\/checks\/internal$/,
    replacement: fileURLToPath(new URL('./packages/checks/src/internal.ts', import.meta.url)),
  },
  { find: /^@secret-hygiene\/crypto$/, replacement: src('crypto') },
  { find: /^@secret-hygiene\/scanner$/, replacement: src('scanner') },
  {
    find: /^@secret-hygiene\/scanner\/reporters$/,
    replacement: fileURLToPath(new URL('./packages/scanner/src/reporters/index.ts', import.meta.url)),
  },
  { find: /^@secret-hygiene\/conformance$/, replacement: src('conformance') },
  { find: /^eslint-plugin-secret-hygiene$/, replacement: src('eslint-plugin') },
];

// Timeouts guard against hangs; they are not speed assertions. CI machines are shared and busy, so
// every project gets a generous floor (vitest's 5 s default failed on a loaded 2-core machine).
const project = (name: string, include: string[], extra: Record<string, unknown> = {}) => ({
  resolve: { alias },
  test: { name, include, testTimeout: 60_000, hookTimeout: 60_000, ...extra },
});

export default defineConfig({
  test: {
    projects: [
      project('checks', ['packages/checks/test/**/*.test.ts']),
      project('crypto', ['packages/crypto/test/**/*.test.ts']),
      // Typed RuleTester cases build a program per case: slow on a loaded 2-core machine.
      project('eslint-plugin', ['packages/eslint-plugin/tests/**/*.test.ts'], {
        testTimeout: 60_000,
        setupFiles: ['packages/eslint-plugin/tests/setup.ts'],
      }),
      project('scanner', ['packages/scanner/test/**/*.test.ts']),
      project('conformance', ['packages/conformance/test/**/*.test.ts'], {
        testTimeout: 120_000,
        hookTimeout: 120_000,
      }),
      project('cli', ['packages/cli/test/**/*.test.ts']),
      project('e2e', ['test/**/*.test.ts'], { testTimeout: 120_000, hookTimeout: 120_000 }),
    ],
  },
});
