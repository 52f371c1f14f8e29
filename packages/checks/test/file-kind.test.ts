import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { defineCheck, type CheckReport, type TypeScript } from '../src/check.js';
import { fileKindOf, fileKindOfSource, relativeToRoot, type FileKind } from '../src/context/file-kind.js';
import { runChecksOnFile } from '../src/run.js';

describe('fileKindOf', () => {
  const cases: [string, FileKind][] = [
    ['src/routes/auth.ts', 'product'],
    ['src/crypto/sessions.ts', 'product'],
    ['packages/core/src/config.ts', 'product'],
    ['packages/demo-service/src/auth.ts', 'product'],
    ['src/features/demo-mode/login.ts', 'product'],
    ['src/auth.test.ts', 'test'],
    ['src/auth.spec.tsx', 'test'],
    ['packages/a/__tests__/x.ts', 'test'],
    ['spec/helper.js', 'test'],
    ['test/database/payload-generated-schema.ts', 'test'],
    ['packages/medusa-test-utils/src/database.ts', 'test'],
    ['vitest.config.ts', 'test'],
    ['e2e/adapter/test/drizzle.test.ts', 'e2e'],
    ['apps/web/playwright/login.ts', 'e2e'],
    ['cypress/support/commands.ts', 'e2e'],
    ['src/login.cy.ts', 'e2e'],
    ['integration-tests/helpers/create-admin-user.ts', 'e2e'],
    ['packages/auth/integration-tests/__fixtures__/provider.ts', 'e2e'],
    ['src/__fixtures__/provider.ts', 'fixture'],
    ['test-data/users.json', 'fixture'],
    ['src/__mocks__/api.ts', 'fixture'],
    ['prisma/seed.ts', 'seed'],
    ['src/db/seeds/users.ts', 'seed'],
    ['src/Button.stories.tsx', 'story'],
    ['.storybook/main.ts', 'story'],
    ['examples/auth/keystone.ts', 'example'],
    ['demo/nextjs/lib/auth.ts', 'example'],
    ['packages/demo-app/src/DevPanel.tsx', 'example'],
    ['packages/device-demo-app/src/DevPanel.tsx', 'example'],
    ['apps/sample-apps/next/auth.ts', 'example'],
    ['playground/env/.env', 'example'],
    ['.env.example', 'example'],
    ['.env.test', 'test'],
    ['apps/ws/src/.env.development', 'dev'],
    ['.env.dev', 'dev'],
    ['.env.development.local', 'product'],
    ['.env.dev-azure', 'dev'],
    ['apps/web/.env.development_docker', 'dev'],
    ['.env.devops', 'product'],
    ['apps/api/src/.env.production', 'product'],
    ['apps/web/.env.test', 'test'],
    ['.env.test.local', 'test'],
    ['.env.testing', 'test'],
    ['templates/blank/test.env', 'test'],
    ['.env', 'product'],
    ['.env.production', 'product'],
    ['.env.latest', 'product'],
    ['config/app.sample.json', 'example'],
    ['public/intl/messages/es-ES.json', 'locale'],
    ['packages/phrases/src/locales/ja/errors/connector.ts', 'locale'],
    ['packages/translations/src/languages/de.ts', 'locale'],
    ['src/i18n/en.json', 'locale'],
    // A translations folder with a qualifier; a product folder that only starts like one stays product.
    ['packages/admin-ui/src/lib/static/i18n-messages/es.json', 'locale'],
    ['apps/web/app-translations/sv.json', 'locale'],
    ['src/localesync/config.json', 'product'],
    ['src/i18n-messages/loader.ts', 'product'],
    // A local development server package, the test runner's setup under another name, API descriptions.
    ['packages/dev-server/dev-config.ts', 'dev'],
    ['packages/dev-server/load-testing/utils/api-request.js', 'dev'],
    ['apps/nestjs-backend/vitest-e2e.setup.ts', 'test'],
    ['packages/notifications/email/src/test-preload.ts', 'test'],
    ['src/app.setup.ts', 'product'],
    ['swagger/swagger.json', 'docs'],
    ['api/openapi.yaml', 'docs'],
    ['src/public-api.openapi.json', 'docs'],
    ['src/openapi/handler.ts', 'product'],
    ['src/messages/handler.ts', 'product'],
    ['.github/workflows/ci.yml', 'ci'],
    ['docker-compose.integration.yml', 'dev'],
    ['.devcontainer/devcontainer.json', 'dev'],
    ['.gitpod.yml', 'dev'],
    ['templates/plugin/dev/payload.config.ts', 'dev'],
    ['web/tools/local/src/audit-log-benchmark.ts', 'dev'],
    ['scripts/check-deps.js', 'dev'],
    ['tests2/utils.ts', 'test'],
    // A package or folder named for a kind of test, and a file suffix naming the side a test runs on.
    ['packages/insomnia-smoke-test/server/index.ts', 'test'],
    ['packages/examples-smoke-tests/src/run.ts', 'test'],
    ['smoke-tests/login.ts', 'test'],
    ['services/api_integration_tests/client.ts', 'test'],
    ['web/src/server/slack-integration.servertest.ts', 'test'],
    ['src/auth.clientspec.ts', 'test'],
    // A bare `-test`, `-tests` or `-testing` names product features too.
    ['apps/web/app/api/postbacks/send-test/route.ts', 'product'],
    ['apps/web/app/api/cron/complete-tests/route.ts', 'product'],
    ['packages/ab-testing/src/assign.ts', 'product'],
    ['packages/insomnia-testing/src/generate.ts', 'product'],
    ['src/config.latest.ts', 'product'],
    ['src/connectors/alipay/src/mock.ts', 'fixture'],
    ['packages/email-plugin/src/handler/mock-events.ts', 'fixture'],
    ['src/api/user-mocks.ts', 'fixture'],
    ['src/mocks_data.js', 'fixture'],
    // A word that only starts with `mock` is no mock.
    ['src/mockingbird/auth.ts', 'product'],
    ['src/mockups.ts', 'product'],
    ['.gitlab-ci.yml', 'ci'],
    ['docs/guide.md', 'docs'],
    ['docs/app/api/cron/route.ts', 'product'],
    ['README.md', 'docs'],
    ['templates/website/src/payload.config.ts', 'product'],
    ['dist/index.js', 'generated'],
    ['src/generated/client.ts', 'generated'],
    ['public/vendor.min.js', 'generated'],
    ['types/index.d.ts', 'generated'],
  ];
  it.each(cases)('%s is %s', (path, kind) => {
    expect(fileKindOf(path)).toBe(kind);
  });

  it('takes extra patterns per kind from settings, and product overrides every default', () => {
    expect(fileKindOf('qa/login.ts')).toBe('product');
    expect(fileKindOf('qa/login.ts', { test: ['qa/**'] })).toBe('test');
    expect(fileKindOf('fixtures/leaky-app/src/a.ts', { product: ['fixtures/leaky-app/**'] })).toBe('product');
  });

  it('judges paths below the root by their relative part, so a checkout under ~/tests is not all tests', () => {
    expect(relativeToRoot('/home/me/tests/app/src/a.ts', '/home/me/tests/app')).toBe('src/a.ts');
    expect(fileKindOf(relativeToRoot('/home/me/tests/app/src/a.ts', '/home/me/tests/app/'))).toBe('product');
    expect(relativeToRoot('C:\\w\\app\\src\\a.ts', 'C:\\w\\app')).toBe('src/a.ts');
  });
});

describe('file kind and confidence', () => {
  const t = ts as unknown as TypeScript;
  const probe = defineCheck<Record<string, never>, 'x'>({
    id: 'probe',
    meta: {
      type: 'problem',
      description: 'Probe',
      messages: { x: 'x' },
      schema: {},
      defaultOptions: {},
      level: 'recommended',
    },
    create(context) {
      return {
        end() {
          context.report({ node: context.sourceFile, messageId: 'x', data: { kind: context.file.kind } });
          context.report({ node: context.sourceFile, messageId: 'x', liveCredential: true });
        },
      };
    },
  });
  const run = (relativePath: string, minConfidence: 'high' | 'low') => {
    const reports: CheckReport[] = [];
    const sourceFile = ts.createSourceFile(`/p/${relativePath}`, 'x;', ts.ScriptTarget.Latest, true);
    runChecksOnFile({ ts: t, sourceFile, relativePath }, [
      { check: probe, options: { minConfidence }, onReport: (r) => reports.push(r) },
    ]);
    return reports.map((r) => `${r.confidence}${r.liveCredential ? ' live' : ''}`);
  };

  it('product code keeps what the check decided', () => {
    expect(run('src/a.ts', 'high')).toEqual(['high', 'high live']);
  });

  it('outside product code a finding is low (strict only), unless it is a live credential', () => {
    expect(run('src/a.test.ts', 'high')).toEqual(['high live']);
    expect(run('src/a.test.ts', 'low')).toEqual(['low', 'high live']);
    expect(run('locales/en/a.ts', 'high')).toEqual(['high live']);
  });

  it('a file the path calls product code that imports a test framework is test code', () => {
    const kindOf = (text: string, path = 'apps/web/vitestSetup.ts', extra = {}) =>
      fileKindOfSource(t, ts.createSourceFile(`/p/${path}`, text, ts.ScriptTarget.Latest, true), path, extra);
    expect(kindOf("import { vi } from 'vitest';\nvi.mock('server-only', () => ({}));")).toBe('test');
    expect(kindOf("import { describe } from 'node:test';", 'apps/web/integration/setup.ts')).toBe('test');
    expect(kindOf("import { render } from '@testing-library/react';")).toBe('test');
    expect(kindOf("import { test } from '@playwright/test';", 'apps/web/flows/login.ts')).toBe('e2e');
    expect(kindOf("import { prisma } from '@formbricks/database';\nimport { z } from 'zod';")).toBe('product');
    // `vitest.config`-like names are judged by their path first; a `product` pattern of the settings wins.
    expect(kindOf("import { vi } from 'vitest';", 'src/testing.ts', { product: ['src/**'] })).toBe('product');
    expect(kindOf("import { x } from 'vitest-like-name';", 'src/a.ts')).toBe('product');
  });

  it('a folder of the program whose modules mostly import a test framework is a test harness, fixtures and all', () => {
    const files: Record<string, string> = {
      '/p/tap/aes.ts': "import type QUnit from 'qunit';\nexport default (q: QUnit) => q;",
      '/p/tap/jws.ts': "import type QUnit from 'qunit';\nexport default (q: QUnit) => q;",
      '/p/tap/jwe.ts': "import type QUnit from 'qunit';\nexport default (q: QUnit) => q;",
      '/p/tap/fixtures.ts': "export const KEYS = { pem: '' };",
      '/p/tap/env.ts': 'export const isNode = true;',
      // A payments `tap/` folder with one test helper, and a product folder with co-located tests.
      '/p/src/tap/charge.ts': 'export const charge = () => 1;',
      '/p/src/tap/refund.ts': 'export const refund = () => 1;',
      '/p/src/tap/harness.ts': "import { vi } from 'vitest';\nexport const spy = vi.fn();",
      '/p/src/auth/login.ts': 'export const login = () => 1;',
      '/p/src/auth/login.test.ts': "import { it } from 'vitest';\nit('x', () => {});",
      '/p/src/auth/session.test.ts': "import { it } from 'vitest';\nit('y', () => {});",
      '/p/src/auth/session.ts': 'export const session = () => 1;',
    };
    const host = ts.createCompilerHost({ noEmit: true, types: [] });
    host.getSourceFile = (name, target) =>
      files[name] === undefined ? undefined : ts.createSourceFile(name, files[name]!, target, true);
    host.fileExists = (name) => files[name] !== undefined;
    host.readFile = (name) => files[name];
    const program = ts.createProgram(Object.keys(files), { noEmit: true, types: [], noLib: true }, host);
    const kindOf = (path: string, withProgram = true) =>
      fileKindOfSource(t, program.getSourceFile(`/p/${path}`)!, path, {}, withProgram ? program : undefined);
    expect(kindOf('tap/fixtures.ts')).toBe('test');
    expect(kindOf('tap/env.ts')).toBe('test');
    // Without a program (ESLint without type information) the file is judged alone.
    expect(kindOf('tap/fixtures.ts', false)).toBe('product');
    expect(kindOf('src/tap/charge.ts')).toBe('product');
    expect(kindOf('src/auth/login.ts')).toBe('product');
  });

  it('hands the checks the file kind, judged from the root the host gives', () => {
    const kinds: unknown[] = [];
    const sourceFile = ts.createSourceFile('/home/me/tests/app/src/a.ts', 'x;', ts.ScriptTarget.Latest, true);
    runChecksOnFile({ ts: t, sourceFile, root: '/home/me/tests/app' }, [
      { check: probe, onReport: (r) => kinds.push(r.data?.['kind']) },
    ]);
    expect(kinds[0]).toBe('product');
  });
});
