import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

/** The reporters by format name; the CLI's `--format` choices come from here. */
export const reporters = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  github: githubReporter,
} as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;

/** True for a name in the registry. */
export function isReportFormat(name: string): name is ReportFormat {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}

export * from './types.js';
export { summaryLine } from './text.js';
export { JSON_REPORT_VERSION } from './json.js';
export { SARIF_SCHEMA } from './sarif.js';
