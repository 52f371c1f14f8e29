import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-secret-hygiene';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/scanner.md ("ESLint's output in CI") warns that ESLint's json formatter writes the whole source
// of every file with a problem, and recommends formatters that do not. This holds ESLint to it: if a
// release changes either behaviour, the advice is revisited.
const repo = fileURLToPath(new URL('../', import.meta.url));
const VALUE = 'made-up-value-8f3k2j5h';
const code = `declare const logger: { info(...a: unknown[]): void };\nconst password = process.env.DB_PASSWORD ?? '${VALUE}';\nlogger.info(password);\n`;

describe("ESLint's output formats and the source they carry", () => {
  it('json carries the whole source, stylish only messages; the docs say so', async () => {
    const eslint = new ESLint({
      cwd: repo,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended as never],
    });
    const results = await eslint.lintText(code, { filePath: 'src/app.ts' });
    expect(results[0]!.messages.filter((m) => m.ruleId?.startsWith('secret-hygiene/')).length).toBeGreaterThan(0);
    const json = (await eslint.loadFormatter('json')).format(results) as string;
    const stylish = (await eslint.loadFormatter('stylish')).format(results) as string;
    expect(json.includes(VALUE)).toBe(true);
    expect(stylish.includes(VALUE)).toBe(false);
    const docs = readFileSync(`${repo}docs/scanner.md`, 'utf8');
    expect(docs).toMatch(/ESLint's output in CI/);
    expect(docs).toMatch(/SARIF_ESLINT_EMBED/);
  });
});
