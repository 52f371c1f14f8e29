import { allChecks, docsUrl, hostedByEslint } from '@secret-hygiene/checks';
import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The checks that read TypeScript file by file; the scanner hosts the rest (.env files, suppressions).
const ids = allChecks.filter(hostedByEslint).map((c) => c.id);

describe('the plugin mirrors the check registry', () => {
  it('has one rule per check, under the same kebab-case id', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(Object.keys(rules).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(ids)('%s: docs url, docs page, test file, meta', (id) => {
    const check = allChecks.find((c) => c.id === id)!;
    const rule = rules[id]!;
    expect(rule.meta.docs?.url).toBe(docsUrl(id));
    expect(docsUrl(id).endsWith(`/docs/rules/${id}.md`)).toBe(true);
    expect(existsSync(`${root}docs/rules/${id}.md`)).toBe(true);
    expect(existsSync(`${root}packages/eslint-plugin/tests/${id}.test.ts`)).toBe(true);
    expect(check.meta.description).not.toMatch(/\.\s*$/);
    expect(Object.keys(check.meta.messages).length).toBeGreaterThan(0);
    const schema = check.meta.schema as {
      type?: string;
      additionalProperties?: boolean;
      properties?: Record<string, { description?: string }>;
    };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    for (const [option, spec] of Object.entries(schema.properties ?? {})) {
      expect(spec.description, `${id} option ${option} needs a description`).toBeTruthy();
      expect(
        Object.prototype.hasOwnProperty.call(check.meta.defaultOptions, option),
        `${id} option ${option} needs a default`,
      ).toBe(true);
    }
  });
});

describe('configs', () => {
  const ruleNames = (name: keyof typeof plugin.configs) => Object.keys(plugin.configs[name].rules ?? {}).sort();

  it('recommended runs on syntax alone: no rule in it needs type information', () => {
    for (const name of ruleNames('recommended')) {
      const check = allChecks.find((c) => `secret-hygiene/${c.id}` === name)!;
      expect(check.meta.requiresTypeChecking ?? false).toBe(false);
    }
  });

  it('each config builds on the one before', () => {
    const recommended = ruleNames('recommended');
    const typed = ruleNames('recommended-type-checked');
    const strict = ruleNames('strict');
    expect(recommended.length).toBeGreaterThan(0);
    expect(typed).toEqual(expect.arrayContaining(recommended));
    expect(strict).toEqual(expect.arrayContaining(typed));
  });

  it("sets the parser, as typescript-eslint does, and never parser options (they are the user's)", () => {
    for (const name of ['recommended', 'recommended-type-checked', 'strict'] as const) {
      expect(Object.keys(plugin.configs[name].languageOptions), name).toEqual(['parser']);
      expect(plugin.configs[name].languageOptions.parser, name).toBe(parser);
    }
  });

  it('every file-scoped check is in strict, with its strict options and every confidence', () => {
    const strict = plugin.configs.strict.rules ?? {};
    for (const check of allChecks.filter(hostedByEslint)) {
      const entry = strict[`secret-hygiene/${check.id}`];
      expect(entry, check.id).toEqual(['error', { ...(check.meta.strictOptions ?? {}), minConfidence: 'low' }]);
    }
  });

  it('recommended reports high confidence only (the default of every rule)', () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      expect(rule.defaultOptions[0], id).toMatchObject({ minConfidence: 'high' });
      expect(plugin.configs.recommended.rules?.[`secret-hygiene/${id}`] ?? 'error', id).toBe('error');
    }
  });
});

// Docs examples are linted: each ```ts block under an "Incorrect" heading must be reported by its
// rule, each under a "Correct" heading must not. A block whose first line is
// `// requires type information` is skipped here (the RuleTester suites cover those).
describe('docs examples', () => {
  const linter = new Linter({ configType: 'flat' });
  // An incorrect example shows what the rule catches at any confidence (a page's Confidence section
  // says which need strict); a correct one must be quiet in the default configuration.
  const lint = (id: string, code: string, minConfidence: 'high' | 'low') =>
    linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { 'secret-hygiene': plugin as never },
          languageOptions: { parser: parser as never },
          rules: { [`secret-hygiene/${id}`]: ['error', { minConfidence }] },
        },
      ] as never,
      { filename: 'example.ts' },
    );

  const cases = ids.flatMap((id) => {
    const path = `${root}docs/rules/${id}.md`;
    if (!existsSync(path)) return [];
    return codeBlocksBySection(readFileSync(path, 'utf8'))
      .filter((b) => !b.code.startsWith('// requires type information'))
      .map((b, i) => [id, b.section, i, b.code] as const);
  });

  it('every rule page has at least one incorrect and one correct example', () => {
    for (const id of ids) {
      const sections = cases.filter((c) => c[0] === id).map((c) => c[1]);
      expect(sections, id).toContain('incorrect');
      expect(sections, id).toContain('correct');
    }
  });

  it.each(cases)('%s: %s example #%i', (id, section, _i, code) => {
    const messages = lint(id, code, section === 'incorrect' ? 'low' : 'high');
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const reported = messages.filter((m) => m.ruleId === `secret-hygiene/${id}`).length;
    if (section === 'incorrect') expect(reported).toBeGreaterThan(0);
    else expect(reported).toBe(0);
  });
});

function codeBlocksBySection(markdown: string): { section: 'incorrect' | 'correct'; code: string }[] {
  const blocks: { section: 'incorrect' | 'correct'; code: string }[] = [];
  let section: 'incorrect' | 'correct' | undefined;
  const fence = /^```(\w*)\s*$/;
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1]!.toLowerCase();
      section = /\bincorrect\b/.test(title) ? 'incorrect' : /\bcorrect\b/.test(title) ? 'correct' : undefined;
      continue;
    }
    const open = fence.exec(line);
    if (!open) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    if (section && ['ts', 'typescript', 'js', 'javascript'].includes(open[1]!))
      blocks.push({ section, code: body.join('\n') });
  }
  return blocks;
}
