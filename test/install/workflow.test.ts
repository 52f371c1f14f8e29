// The GitHub side of the install story: the workflow users copy and the composite action.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${repo}${path}`, 'utf8');
const cliVersion = (JSON.parse(read('packages/cli/package.json')) as { version: string }).version;

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const scans = (steps: Step[]) => steps.filter((s) => /secret-hygiene scan\b/.test(s.run ?? ''));

describe('.github/workflows/scan.yml (to copy)', () => {
  const workflow = parse(read('.github/workflows/scan.yml')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('installs the dependencies, then scans once, with the CLI by its scoped name at this version', () => {
    const scan = scans(steps);
    expect(scan).toHaveLength(1);
    expect(scan[0]!.run).toContain(`--package @secret-hygiene/cli@${cliVersion} secret-hygiene scan`);
    const install = steps.findIndex((s) => /\bnpm ci\b/.test(s.run ?? ''));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(steps.indexOf(scan[0]!));
  });

  it('writes SARIF and annotations from that one run, uploads the SARIF even when it found problems, then fails on its exit code', () => {
    const scan = scans(steps)[0]!;
    expect(scan.run).toMatch(/--format sarif:secret-hygiene\.sarif --format github/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toContain('always()');
    expect(upload.with?.sarif_file).toBe('secret-hygiene.sarif');
    const gate = steps.at(-1)!;
    expect(gate.if).toBe(`steps.${scan.id}.outputs.exit-code == '1'`);
  });
});

describe('action.yml (composite action)', () => {
  const action = parse(read('action.yml')) as {
    inputs: Record<string, { default?: string; description: string }>;
    runs: { using: string; steps: Step[] };
  };
  const steps = action.runs.steps;

  it("is a composite action whose default CLI version is this repository's", () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.version!.default).toBe(cliVersion);
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('scans once, passing inputs through the environment (never into the script text)', () => {
    const scan = scans(steps);
    expect(scan).toHaveLength(1);
    expect(scan[0]!.run).not.toContain('${{');
    expect(Object.values(scan[0]!.env ?? {})).toEqual(
      expect.arrayContaining(['${{ inputs.version }}', '${{ inputs.fail-on }}']),
    );
  });

  it('writes the SARIF and the annotations from the same scan', () => {
    const run = scans(steps)[0]!.run!;
    expect(run).toContain('--format "sarif:$SH_SARIF"');
    expect(run).toContain('annotations=(--format github)');
    expect(action.inputs.annotations!.default).toBe('true');
  });

  it('uses every input it declares', () => {
    const text = JSON.stringify(steps);
    for (const name of Object.keys(action.inputs)) expect(text, name).toContain(`inputs.${name}`);
  });
});
