import type { ConformanceResult } from '../conformance-check.js';

const escape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters are not allowed in XML 1.0.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML: one test suite, one test case per check, a `<failure>` per failing check. */
export function formatJunit(result: ConformanceResult): string {
  const failures = result.checks.filter((c) => c.status === 'fail').length;
  // A check that could not prove its promise is neither passed nor failed: JUnit's "skipped".
  const skipped = result.checks.filter((c) => c.status === 'not-proven').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="secret-hygiene conformance" tests="${result.checks.length}" failures="${failures}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${escape(result.adapter)}" tests="${result.checks.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${result.startedAt}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    '    <properties>',
    `      <property name="provider" value="${escape(result.provider)}"/>`,
    `      <property name="server" value="${escape(result.server.kind)}"/>`,
    `      <property name="postgres-version" value="${escape(result.server.postgresVersion)}"/>`,
    `      <property name="harness-version" value="${escape(result.versions.harness)}"/>`,
    ...(result.versions.tool === undefined
      ? []
      : [`      <property name="tool" value="${escape(result.versions.tool)}"/>`]),
    `      <property name="node-version" value="${escape(result.versions.node)}"/>`,
    `      <property name="isolation" value="${result.isolation}"/>`,
    `      <property name="seed" value="${result.seed}"/>`,
    '    </properties>',
  ];
  for (const check of result.checks) {
    const open = `    <testcase classname="conformance" name="${escape(check.id)}" time="${(check.durationMs / 1000).toFixed(3)}"`;
    if (check.status === 'pass' && check.notes.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (check.status === 'fail') {
      lines.push(
        `      <failure message="${escape(check.promise)}" type="BrokenPromise">${escape(check.failures.join('\n'))}</failure>`,
      );
    }
    if (check.status === 'not-proven') lines.push(`      <skipped message="not proven: ${escape(check.promise)}"/>`);
    if (check.notes.length > 0) lines.push(`      <system-out>${escape(check.notes.join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
