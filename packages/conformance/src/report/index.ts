import type { ConformanceResult } from '../conformance-check.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

export { formatHtml, formatJson, formatJunit, formatMarkdown, formatTable };

/** Report formats, by the name `--format` takes. */
export const reportFormats = ['table', 'json', 'junit', 'markdown', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Formats a result; colour applies to `table` only. */
export function formatReport(
  result: ConformanceResult,
  format: ReportFormat,
  options: { color?: boolean } = {},
): string {
  switch (format) {
    case 'table':
      return formatTable(result, options);
    case 'json':
      return formatJson(result);
    case 'junit':
      return formatJunit(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'html':
      return formatHtml(result);
  }
}
