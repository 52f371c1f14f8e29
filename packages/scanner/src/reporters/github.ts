import { summaryLine } from './text.js';
import type { Reporter } from './types.js';

/** GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per finding. */
export const githubReporter: Reporter = (result) => {
  const lines = result.findings.map((f) => {
    const command = f.severity === 'note' ? 'notice' : f.severity;
    const props = [
      `file=${escapeProperty(f.file)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(`secret-hygiene(${f.ruleId})`)}`,
    ].join(',');
    return `::${command} ${props}::${escapeData(f.message)}`;
  });
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
};

/** Escapes a workflow command's message, as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, as @actions/core does. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
