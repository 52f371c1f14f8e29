import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

import { runCli, useTempProjects } from './support.js';

// Each case builds a TypeScript program; on a loaded 2-core machine that can pass the 5 s default.
vi.setConfig({ testTimeout: 60_000 });

const project = useTempProjects('sh-cli-');

const SECRET = 'Zx9vQ2mL7kP4rT8wQ1nB';
const leaky = () =>
  project({
    'config/app.json': JSON.stringify({ db: { password: SECRET } }, null, 2),
    'src/index.ts': 'export const port = 3000;\n',
  });
const clean = () =>
  project({ 'config/app.json': '{"db": {"host": "db.internal"}}', 'src/index.ts': 'export const port = 3000;\n' });

const run = runCli;

describe('secret-hygiene scan', () => {
  it('exits 1 with a text report grouped by file, the secret masked', async () => {
    const root = leaky();
    const { stdout, code } = await run(['scan', root, '--root', root]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^config\/app\.json\n {2}3:17 +error +.*no-hardcoded-secret\n/);
    expect(stdout).toContain('1 problem (1 error, 0 warnings)');
    expect(stdout).not.toContain(SECRET);
    expect(stdout).not.toContain('\x1b[');
  });

  it('colours text and shows progress on stderr only on a terminal', async () => {
    const root = leaky();
    const tty = await run(['scan', root, '--root', root], true);
    expect(tty.stdout).toContain('\x1b[');
    expect(tty.stderr).toContain('scanning 2/2');
    expect(tty.stdout).not.toContain(SECRET);
    const quiet = await run(['scan', root, '--root', root, '--no-progress'], true);
    expect(quiet.stderr).toBe('');
    const json = await run(['scan', root, '--root', root, '--format', 'json'], true);
    expect(json.stdout).not.toContain('\x1b[');
  });

  it('exits 0 on a clean project', async () => {
    const root = clean();
    const { stdout, code } = await run(['scan', root, '--root', root]);
    expect(code).toBe(0);
    expect(stdout).toContain('no problems');
  });

  it('--fail-on decides which severities fail', async () => {
    const root = leaky();
    writeFileSync(
      join(root, 'secret-hygiene.config.json'),
      JSON.stringify({ rules: { 'no-hardcoded-secret': 'warning' } }),
    );
    expect((await run(['scan', root, '--root', root])).code).toBe(0);
    expect((await run(['scan', root, '--root', root, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['scan', root, '--root', root, '--fail-on', 'note'])).code).toBe(1);
    writeFileSync(
      join(root, 'secret-hygiene.config.json'),
      JSON.stringify({ rules: { 'no-hardcoded-secret': 'error' } }),
    );
    expect((await run(['scan', root, '--root', root, '--fail-on', 'none'])).code).toBe(0);
  });

  it('writes the documented JSON shape', async () => {
    const root = leaky();
    const { stdout } = await run(['scan', root, '--root', root, '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'findings', 'summary', 'diagnostics']);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'no-hardcoded-secret',
        file: 'config/app.json',
        line: 3,
        column: 17,
        endLine: 3,
        endColumn: 39,
        severity: 'error',
      }),
    ]);
    expect(Object.keys(report.findings[0]).sort()).toEqual([
      'column',
      'confidence',
      'endColumn',
      'endLine',
      'file',
      'fingerprint',
      'line',
      'message',
      'ruleId',
      'severity',
    ]);
    expect(report.summary.findings).toEqual({ error: 1, warning: 0, note: 0, total: 1 });
  });

  it('writes SARIF 2.1.0 with rules, rule indexes, relative URIs and partial fingerprints', async () => {
    const root = leaky();
    const { stdout } = await run(['scan', root, '--root', root, '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    const result = run0.results[0];
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('no-hardcoded-secret');
    expect(result).toMatchObject({
      ruleId: 'no-hardcoded-secret',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'config/app.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 17 },
          },
        },
      ],
    });
    expect(result.partialFingerprints['secretHygiene/v1']).toMatch(/^[0-9a-f]{32}$/);
    for (const rule of run0.tool.driver.rules)
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining(['id', 'shortDescription', 'fullDescription', 'helpUri', 'defaultConfiguration']),
      );
  });

  it('writes GitHub annotations with escaped properties', async () => {
    const root = leaky();
    const { stdout } = await run(['scan', root, '--root', root, '--format', 'github']);
    expect(stdout.split('\n')[0]).toMatch(
      /^::error file=config\/app\.json,line=3,col=17,endLine=3,endColumn=39,title=secret-hygiene\(no-hardcoded-secret\)::/,
    );
  });

  it('accepts baselined findings and fails again on new ones', async () => {
    const root = leaky();
    const baseline = join(root, 'baseline.json');
    expect((await run(['scan', root, '--root', root, '--baseline', baseline, '--update-baseline'])).code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).findings).toHaveLength(1);
    const accepted = await run(['scan', root, '--root', root, '--baseline', baseline]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('1 in baseline');
    writeFileSync(join(root, 'config/other.yaml'), `apiToken: ${SECRET}X\n`);
    expect((await run(['scan', root, '--root', root, '--baseline', baseline])).code).toBe(1);
  });

  it.each([
    [['scan', '--format', 'xml'], 'xml'],
    [['scan', '--bogus'], 'unknown option'],
    [['scan', '/no/such/dir'], 'path not found'],
    [['scan', '--update-baseline'], '--update-baseline needs --baseline'],
    [['scan', '--max-file-size', 'big'], '--max-file-size'],
    // Issue 16.4: a baseline from changed lines only would fail the next full run; both refused before scanning.
    [['scan', '--update-baseline', '--baseline', 'b.json', '--changed-since', 'HEAD'], 'leave out --changed-since'],
    [['scan', '--output', '/no/such/dir/report.sarif'], 'directory /no/such/dir does not exist'],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const root = clean();
    const { code, stderr } = await run([...args, ...(args.includes('/no/such/dir') ? [] : [root]), '--root', root]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 with the reason on a bad config or a missing baseline', async () => {
    const root = clean();
    writeFileSync(join(root, 'secret-hygiene.config.json'), '{"rules": {"no-such-rule": "error"}}');
    const bad = await run(['scan', root, '--root', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rules.no-such-rule: unknown rule');
    writeFileSync(join(root, 'secret-hygiene.config.json'), '{');
    expect((await run(['scan', root, '--root', root])).stderr).toContain('not valid JSON');
    rmSync(join(root, 'secret-hygiene.config.json'));
    const missing = await run(['scan', root, '--root', root, '--baseline', join(root, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
  });

  it('loads an .mjs config and rejects a .ts one', async () => {
    const root = leaky();
    writeFileSync(
      join(root, 'secret-hygiene.config.mjs'),
      "export default { rules: { 'no-hardcoded-secret': 'off' } };\n",
    );
    expect((await run(['scan', root, '--root', root])).code).toBe(0);
    writeFileSync(join(root, 'sh.config.ts'), 'export default {};\n');
    const ts = await run(['scan', root, '--root', root, '--config', join(root, 'sh.config.ts')]);
    expect(ts.code).toBe(2);
    expect(ts.stderr).toContain('.ts config is not supported');
  });

  it('prints help and version with exit 0', async () => {
    const help = await run(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--changed-since <ref>');
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
