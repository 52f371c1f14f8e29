import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv07, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { allRules, reporters, scan, type ScanResult } from '../src/index.js';
import { flagName, makeProject } from './helpers.js';

// Each scan builds a TypeScript program of a fixture app; slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(here(path), 'utf8'));
const leaky = here('../../../fixtures/leaky-app');
const clean = here('../../../fixtures/clean-app');

/**
 * The OASIS SARIF 2.1.0 schema, both published variants (see fixtures/sarif/README.md): the
 * approved errata01 (draft-04, the official one) and the draft-07 copy schemastore and GitHub tools use.
 */
const validators: readonly { readonly name: string; readonly validate: ValidateFunction }[] = [
  {
    name: 'OASIS errata01 (draft-04)',
    validate: compile(new Ajv04({ allErrors: true, strict: false }), 'fixtures/sarif/sarif-schema-2.1.0.json'),
  },
  // Its `language` pattern has a stray `]` (fixed by the errata) that only non-unicode regexps accept.
  {
    name: 'draft-07 variant',
    validate: compile(
      new Ajv07({ allErrors: true, strict: false, unicodeRegExp: false }),
      'fixtures/sarif/sarif-schema-2.1.0.draft-07.json',
    ),
  },
];

function compile(ajv: Ajv07, schemaPath: string): ValidateFunction {
  // ajv-formats types its parameter with its own copy of ajv's class: same version, other path.
  (addFormats as unknown as (ajv: Ajv07) => Ajv07)(ajv);
  return ajv.compile(readJson(schemaPath) as object);
}

/** Schema errors of a SARIF log, one line each, for the assertion message; empty when valid. */
function schemaErrors(log: unknown): string[] {
  return validators.flatMap(({ name, validate }) =>
    validate(log)
      ? []
      : (validate.errors ?? []).map(
          (e: ErrorObject) => `${name}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
        ),
  );
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string; shortDescription?: { text?: string } }[] } };
    originalUriBaseIds?: Record<string, { uri?: string }>;
    results: {
      ruleId?: string;
      ruleIndex?: number;
      locations?: {
        physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: { startLine?: number } };
      }[];
      partialFingerprints?: Record<string, string>;
    }[];
  }[];
}

/**
 * What GitHub code scanning needs beyond the schema, one line per violation: rule ids resolvable
 * through `ruleIndex`, a relative location under a declared base id with a 1-based line, a fingerprint,
 * and help on every rule.
 */
function codeScanningProblems(log: SarifLog): string[] {
  const problems: string[] = [];
  for (const [r, run] of log.runs.entries()) {
    const rules = run.tool.driver.rules;
    for (const [i, rule] of rules.entries()) {
      if (!rule.helpUri || !/^https:\/\//.test(rule.helpUri))
        problems.push(`runs[${r}].rules[${i}] (${rule.id}): no https helpUri`);
      if (!rule.shortDescription?.text) problems.push(`runs[${r}].rules[${i}] (${rule.id}): no shortDescription.text`);
    }
    for (const [i, result] of run.results.entries()) {
      const at = `runs[${r}].results[${i}] (${result.ruleId ?? '?'})`;
      if (!result.ruleId || !rules.some((rule) => rule.id === result.ruleId))
        problems.push(`${at}: ruleId not in tool.driver.rules`);
      if (result.ruleIndex === undefined || rules[result.ruleIndex]?.id !== result.ruleId)
        problems.push(`${at}: ruleIndex ${result.ruleIndex} does not point at its rule`);
      const physical = result.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      if (!uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/'))
        problems.push(`${at}: artifactLocation.uri ${uri} is not relative`);
      const base = physical?.artifactLocation?.uriBaseId;
      if (!base || !run.originalUriBaseIds?.[base]?.uri)
        problems.push(`${at}: uriBaseId ${base} is not declared in originalUriBaseIds`);
      const line = physical?.region?.startLine;
      if (!Number.isInteger(line) || line! < 1) problems.push(`${at}: region.startLine ${line} is not a line number`);
      const fingerprints = Object.values(result.partialFingerprints ?? {});
      if (fingerprints.length === 0 || fingerprints.some((f) => typeof f !== 'string' || f === ''))
        problems.push(`${at}: no partialFingerprints`);
    }
  }
  return problems;
}

function sarifOf(result: ScanResult): SarifLog {
  return JSON.parse(reporters.sarif(result, { rules: allRules() })) as SarifLog;
}

describe('SARIF output against the OASIS SARIF 2.1.0 schema', () => {
  it('is valid and code-scanning ready for leaky-app: many results, several rules, non-TypeScript files', async () => {
    const log = sarifOf(await scan({ root: leaky }));
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThan(10);
    expect(new Set(results.map((r) => r.ruleId)).size).toBeGreaterThan(3);
    const uris = results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    expect(uris.filter((u) => !/\.[cm]?[jt]sx?$/.test(u))).not.toEqual([]);

    expect(schemaErrors(log), schemaErrors(log).join('\n')).toEqual([]);
    expect(codeScanningProblems(log), codeScanningProblems(log).join('\n')).toEqual([]);

    // The checks above can fail: a log without `version`, and one whose ruleIndex and uri are wrong.
    const noVersion = structuredClone(log) as Partial<SarifLog>;
    delete noVersion.version;
    for (const { name, validate } of validators) {
      expect(validate(noVersion), name).toBe(false);
      expect(validate.errors, name).toContainEqual(
        expect.objectContaining({ keyword: 'required', params: { missingProperty: 'version' } }),
      );
    }
    // Formats are checked, not silently ignored: a helpUri that is no URI is rejected by both.
    const badUri = structuredClone(log);
    badUri.runs[0]!.tool.driver.rules[0]!.helpUri = 'not a uri';
    expect(schemaErrors(badUri).filter((e) => e.includes('"format":"uri"'))).toHaveLength(validators.length);
    const misplaced = structuredClone(log);
    const first = misplaced.runs[0]!.results[0]!;
    first.ruleIndex = first.ruleIndex! + 1;
    first.locations![0]!.physicalLocation!.artifactLocation!.uri = `file://${leaky}/x.ts`;
    delete first.partialFingerprints;
    expect(codeScanningProblems(misplaced)).toEqual([
      expect.stringContaining('ruleIndex'),
      expect.stringContaining('is not relative'),
      expect.stringContaining('no partialFingerprints'),
    ]);
    const badRegion = structuredClone(log);
    badRegion.runs[0]!.results[0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(schemaErrors(badRegion).join('\n')).toMatch(/startLine must be >= 1/);
  });

  it('is valid for clean-app, which has zero results, with the full rule table', async () => {
    const log = sarifOf(await scan({ root: clean }));
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(allRules().map((r) => r.id));
    expect(schemaErrors(log), schemaErrors(log).join('\n')).toEqual([]);
    expect(codeScanningProblems(log), codeScanningProblems(log).join('\n')).toEqual([]);
  });

  it('is valid with diagnostics, paths needing percent-encoding and a rule missing from the table', async () => {
    const root = makeProject({ 'src/my dir/ünïcode #1.ts': 'const bad = ;\n', 'src/ok.ts': 'const bad = 1;\n' });
    const result = await scan({ root, checks: [flagName] });
    expect(result.diagnostics.map((d) => d.kind)).toContain('syntax-error');
    // `flag-name` is not in allRules(): the reporter must add it to the table itself.
    const log = sarifOf(result);
    expect(log.runs[0]!.results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual([
      'src/my%20dir/%C3%BCn%C3%AFcode%20%231.ts',
      'src/ok.ts',
    ]);
    expect(schemaErrors(log), schemaErrors(log).join('\n')).toEqual([]);
    expect(codeScanningProblems(log), codeScanningProblems(log).join('\n')).toEqual([]);
  });
});
