import type { ConformanceResult } from '../conformance-check.js';

/**
 * Which server, versions and isolation produced a result, in one line for every report format:
 * `embedded PostgreSQL on 127.0.0.1:5432 (embedded, PostgreSQL 17.6); harness 0.1.0, secret-hygiene 0.1.0, Node v20.19.0; store in its own process`.
 */
export function provenance(result: ConformanceResult): string {
  const tool = result.versions.tool === undefined ? '' : `, ${result.versions.tool}`;
  const isolation =
    result.isolation === 'process'
      ? 'store in its own process'
      : 'store in the harness process (only its log and console calls during checks were heard)';
  return `${result.server.description} (${result.server.kind}, PostgreSQL ${result.server.postgresVersion}); harness ${result.versions.harness}${tool}, Node ${result.versions.node}; ${isolation}`;
}
