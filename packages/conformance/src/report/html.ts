import type { ConformanceCheckResult, ConformanceStatus, ConformanceResult } from '../conformance-check.js';

/** Escapes text for HTML element content and attribute values; control characters are dropped. */
function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

const statusLabel: Record<ConformanceStatus, string> = { pass: 'proven', fail: 'broken', 'not-proven': 'not proven' };

/** The one-line verdict, also the page title. */
function verdict(result: ConformanceResult): string {
  const failed = result.checks.filter((c) => c.status === 'fail').length;
  const unproven = result.checks.filter((c) => c.status === 'not-proven').length;
  if (failed > 0) return `${failed} of ${result.checks.length} promises broken`;
  if (unproven > 0)
    return `${result.checks.length - unproven} of ${result.checks.length} promises proven, ${unproven} not proven`;
  return `all ${result.checks.length} promises proven`;
}

const css = `
:root { color-scheme: light; --pass: #1a7f37; --fail: #cf222e; --unproven: #9a6700; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0 auto; max-width: 70rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; overflow-wrap: anywhere; }
.verdict { font-size: 1.15rem; font-weight: 600; padding: .5rem .75rem; border-radius: 6px; border: 1px solid; display: inline-block; }
.verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); } .verdict.not-proven { color: var(--unproven); }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.run dt { color: var(--muted); } dl.run dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
td.time { text-align: right; white-space: nowrap; color: var(--muted); }
.status { font-weight: 600; white-space: nowrap; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
.status.pass { color: var(--pass); } .status.fail { color: var(--fail); } .status.not-proven { color: var(--unproven); }
article.check { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; }
article.check.pass { border-left-color: var(--pass); } article.check.fail { border-left-color: var(--fail); } article.check.not-proven { border-left-color: var(--unproven); }
article.check header { display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; }
article.check p { margin: .4rem 0; }
.label { color: var(--muted); font-weight: 600; }
ul.evidence li { color: var(--fail); overflow-wrap: anywhere; }
ul.notes li { color: var(--muted); overflow-wrap: anywhere; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print { article.check { break-inside: avoid; } }
`;

function checkRow(check: ConformanceCheckResult): string {
  return `<tr><td><span class="status ${check.status}">${statusLabel[check.status]}</span></td><td><a href="#check-${escape(check.id)}"><code>${escape(check.id)}</code></a></td><td>${escape(check.promise)}</td><td class="time">${check.durationMs} ms</td></tr>`;
}

function checkArticle(check: ConformanceCheckResult): string {
  const parts = [
    `<article class="check ${check.status}" id="check-${escape(check.id)}">`,
    `<header><h3><code>${escape(check.id)}</code></h3><span class="status ${check.status}">${statusLabel[check.status]}</span><span class="time">${check.durationMs} ms</span></header>`,
    `<p><span class="label">Promise:</span> ${escape(check.promise)}</p>`,
    `<p><span class="label">How it is tested:</span> ${escape(check.description)}</p>`,
  ];
  if (check.failures.length > 0) {
    parts.push(
      `<p class="label">Evidence (${check.failures.length}):</p>`,
      `<ul class="evidence">${check.failures.map((f) => `<li>${escape(f)}</li>`).join('')}</ul>`,
    );
  }
  if (check.notes.length > 0)
    parts.push(
      `<p class="label">Notes:</p>`,
      `<ul class="notes">${check.notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>`,
    );
  parts.push('</article>');
  return parts.join('\n');
}

/**
 * A self-contained HTML page a reviewer can attach to a review: the verdict, where and with which
 * versions the run happened (and its seed, to reproduce it), what each check proves and how it
 * tests it, and the evidence of every broken promise. No scripts, no external assets; every value
 * is escaped, and messages are the harness's redacted ones.
 */
export function formatHtml(result: ConformanceResult): string {
  const failed = result.checks.some((c) => c.status === 'fail');
  const unproven = result.checks.some((c) => c.status === 'not-proven');
  const overall: ConformanceStatus = failed ? 'fail' : unproven ? 'not-proven' : 'pass';
  const facts: Array<[string, string | undefined]> = [
    ['Adapter', result.adapter],
    ['Server', `${result.server.kind}: ${result.server.description}`],
    ['PostgreSQL', result.server.postgresVersion],
    ['Harness', `@secret-hygiene/conformance ${result.versions.harness}`],
    ['Tool', result.versions.tool],
    ['Node.js', result.versions.node],
    [
      'Store ran',
      result.isolation === 'process'
        ? 'in its own process (everything it printed was searched)'
        : 'in the harness process (only its log and console calls during checks were heard)',
    ],
    ['Seed', String(result.seed)],
    ['Started', result.startedAt],
    ['Duration', `${(result.durationMs / 1000).toFixed(1)} s`],
  ];
  const checkIds = result.checks.map((c) => c.id).join(',');
  const body = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing is loaded from anywhere: the page must open the same offline and years later.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>secret-hygiene conformance: ${escape(verdict(result))}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>secret-hygiene conformance report</h1>',
    `<p class="verdict ${overall}">${escape(verdict(result))}</p>`,
    '</header>',
    '<section id="run">',
    '<h2>Run</h2>',
    `<dl class="run">${facts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([name, value]) => `<dt>${escape(name)}</dt><dd>${escape(value!)}</dd>`)
      .join('')}</dl>`,
    `<p>Reproduce: <code>${escape(`npx secret-hygiene conformance --adapter ${result.adapter} --seed ${result.seed} --checks ${checkIds}`)}</code></p>`,
    '</section>',
    '<section id="summary">',
    '<h2>Promises</h2>',
    '<table><thead><tr><th>Status</th><th>Check</th><th>Promise</th><th>Time</th></tr></thead>',
    `<tbody>${result.checks.map(checkRow).join('\n')}</tbody></table>`,
    '</section>',
    '<section id="checks">',
    '<h2>What was proven, how, and the evidence</h2>',
    ...result.checks.map(checkArticle),
    '</section>',
    '<footer>',
    '<p><strong>proven</strong>: the check ran and found nothing broken. <strong>broken</strong>: the evidence shows the promise does not hold. <strong>not proven</strong>: nothing broke, but the check could not look everywhere it needs to (its notes say where), so the promise is not established.</p>',
    '<p>Secrets in this report are redacted to a few characters at each end. Generated by secret-hygiene conformance.</p>',
    '</footer>',
    '</body>',
    '</html>',
  ];
  return `${body.join('\n')}\n`;
}
