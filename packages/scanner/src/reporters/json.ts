import { scannerVersion } from '../version.js';
import type { Reporter } from './types.js';

/** The JSON report's `version`; bumped on any incompatible change of the shape documented in docs/scanner.md. */
export const JSON_REPORT_VERSION = 2;

/** `{ version, tool, findings[], summary, diagnostics[], inventory? }`, findings sorted, 2-space indent. */
export const jsonReporter: Reporter = (result) =>
  `${JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      tool: { name: 'secret-hygiene', version: scannerVersion },
      findings: result.findings,
      summary: result.summary,
      diagnostics: result.diagnostics,
      ...(result.inventory ? { inventory: result.inventory } : {}),
    },
    null,
    2,
  )}\n`;
