import type { ConformanceResult } from '../conformance-check.js';

/** The result as stable, indented JSON (messages are already redacted). */
export function formatJson(result: ConformanceResult): string {
  return `${JSON.stringify({ schemaVersion: 1, ...result }, null, 2)}\n`;
}
