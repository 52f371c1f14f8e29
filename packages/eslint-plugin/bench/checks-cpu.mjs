// CPU time of our checks alone on a generated project, per check: a steadier measure than wall-clock
// lint ratios on a busy machine. The checker is warmed first (the type of every expression, roughly
// what typescript-eslint's typed rules leave behind), then all checks run in one walk per file: the
// first pass is "cold" (symbols and awaited types still to resolve), the median of five more "warm".
// Usage: node packages/eslint-plugin/bench/checks-cpu.mjs [lines=12000]  (run `npx tsc -b packages/checks` first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { generateProject } from '../../../scripts/bench/generate-project.mjs';
import { allChecks, runChecksOnFile } from '../../checks/dist/index.js';

const lines = Number(process.argv[2] ?? 12_000);
const dir = mkdtempSync(join(tmpdir(), 'sh-checks-cpu-'));
try {
  generateProject(dir, { lines });
  const config = ts.getParsedCommandLineOfConfigFile(
    join(dir, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && f.fileName.startsWith(dir));
  const checks = allChecks.filter((c) => (c.meta.scope ?? 'file') === 'file' && c.meta.level !== 'strict');
  for (const file of files) {
    const warm = (node) => {
      if (ts.isExpression(node)) checker.getTypeAtLocation(node);
      ts.forEachChild(node, warm);
    };
    warm(file);
  }
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let findings = 0;
  const pass = (only) => {
    const started = cpuMs();
    for (const sourceFile of files) {
      const runs = checks.filter((c) => !only || c === only).map((check) => ({ check, onReport: () => findings++ }));
      runChecksOnFile({ ts, sourceFile, program, checker, settings: {} }, runs);
    }
    return cpuMs() - started;
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cold = pass();
  const warm = median([pass(), pass(), pass(), pass(), pass()]);
  const rows = [{ check: 'all (one walk)', ms: warm }];
  for (const check of checks) rows.push({ check: check.id, ms: median([pass(check), pass(check), pass(check)]) });
  process.stdout.write(
    `${files.length} files, ${lines} lines; findings (must be 0): ${findings}; all checks cold ${cold.toFixed(0)} ms\n`,
  );
  for (const row of rows) process.stdout.write(`${row.check.padEnd(34)} ${row.ms.toFixed(0).padStart(6)} ms\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
