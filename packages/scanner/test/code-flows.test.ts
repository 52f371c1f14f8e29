import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { reporters, scan } from '../src/index.js';
import { makeProject } from './helpers.js';

// Each scan builds a TypeScript program; slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

/** A secret handed across two modules to a helper that logs it, and one that masks it first. */
const PROJECT = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', types: [], noEmit: true },
    include: ['src'],
  }),
  'src/http.ts': [
    'declare const logger: { info(...args: unknown[]): void };',
    'declare function redact(value: string): string;',
    'export function logRequest(value: string): void {',
    "  logger.info('request', value);",
    '}',
    'export function logMasked(value: string): void {',
    "  logger.info('request', redact(value));",
    '}',
    '',
  ].join('\n'),
  'src/index.ts': "export { logRequest as logCall, logMasked } from './http.js';\n",
  'src/app.ts': [
    "import { logCall, logMasked } from './index.js';",
    'declare const process: { env: Record<string, string | undefined> };',
    "const apiKey = process.env.STRIPE_API_KEY ?? '';",
    'logCall(apiKey);',
    'logMasked(apiKey);',
    '',
  ].join('\n'),
};

interface Location {
  location: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    message: { text: string };
  };
}

describe('findings that cross functions', () => {
  it('say the path in the message, carry it as steps in JSON and as codeFlows in SARIF', async () => {
    const result = await scan({ root: makeProject(PROJECT) });
    const logging = result.findings.filter((f) => f.ruleId === 'no-secret-logging');
    expect(logging.map((f) => `${f.file}:${f.line}`)).toEqual(['src/app.ts:4']);
    const [finding] = logging;
    expect(finding!.message).toContain('reaches logger.info through logCall() (src/http.ts:4)');
    expect(finding!.steps!.map((s) => `${s.file}:${s.line} ${s.message}`)).toEqual([
      'src/app.ts:4 apiKey is passed to logCall()',
      'src/http.ts:4 reaches logger.info',
    ]);

    const json = JSON.parse(reporters.json(result)) as { findings: { steps?: unknown[] }[] };
    expect(json.findings.find((f) => f.steps)?.steps).toHaveLength(2);

    const sarif = JSON.parse(reporters.sarif(result)) as {
      runs: { results: { ruleId: string; codeFlows?: { threadFlows: { locations: Location[] }[] }[] }[] }[];
    };
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId === 'no-secret-logging');
    const locations = results[0]!.codeFlows![0]!.threadFlows[0]!.locations;
    expect(
      locations.map(
        (l) =>
          `${l.location.physicalLocation.artifactLocation.uri}:${l.location.physicalLocation.region.startLine} ${l.location.message.text}`,
      ),
    ).toEqual(['src/app.ts:4 apiKey is passed to logCall()', 'src/http.ts:4 reaches logger.info']);
  });

  it('the SARIF with codeFlows is valid against the OASIS 2.1.0 schema', async () => {
    const result = await scan({ root: makeProject(PROJECT) });
    const ajv = new Ajv04({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv04) => Ajv04)(ajv);
    const schemaPath = fileURLToPath(new URL('fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url));
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const log = JSON.parse(reporters.sarif(result)) as unknown;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(reporters.sarif(result)).toContain('threadFlows');
  });

  it('a finding within one function has no path', async () => {
    const result = await scan({
      root: makeProject({ 'src/a.ts': 'declare const apiKey: string;\nconsole.log(apiKey);\n' }),
    });
    expect(result.findings.map((f) => f.ruleId)).toContain('no-secret-logging');
    expect(result.findings.every((f) => f.steps === undefined)).toBe(true);
    expect(reporters.sarif(result)).not.toContain('codeFlows');
  });
});
