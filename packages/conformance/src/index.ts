/**
 * @secret-hygiene/conformance: proves on a real PostgreSQL server that a credential store keeps no
 * plaintext at rest, uses fresh nonces, detects tampering, rotates keys safely (also when its
 * connections are killed mid-rotation), deletes for good and fails closed.
 *
 * Programmatic entry: {@link runConformance}; the CLI (`secret-hygiene conformance`) is a thin layer over it.
 */
import './postgres/load-pg.js';
export type {
  AdapterContext,
  AdapterFactory,
  AuditActions,
  AuditCallback,
  AuditEvent,
  AuditTable,
  StorageDescription,
  StoreAdapter,
  StoreKey,
  StoreKeys,
} from './adapter.js';
export type {
  ConformanceContext,
  ConformanceCheckResult,
  ConformanceStatus,
  ConformanceCheck,
  ConformanceResult,
  OpenedStore,
} from './conformance-check.js';
export { conformanceChecks } from './checks/index.js';
export { harnessVersion, runConformance, selectChecks, type ConformanceOptions } from './run-conformance.js';
export { loadAdapter, resolveAdapter } from './load.js';
export { KeySet, keyIdOf, wrongKeys } from './keys.js';
export { fragmentLength, makeCanary, redact, Redactor } from './canary.js';
export { Needles, type Hit, type NeedleOptions } from './search/find.js';
export { findKeystreamReuse, type KeystreamReuse, type KnownCiphertext } from './search/keystream.js';
export { spellings } from './search/encodings.js';
export { searchDatabase } from './search/database.js';
export {
  formatHtml,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatReport,
  formatTable,
  reportFormats,
  type ReportFormat,
} from './report/index.js';
export { chooseProvider, openServer, type ProviderRequest } from './postgres/select.js';
export { startEmbedded, checkPort, type EmbeddedOptions } from './postgres/embedded.js';
export { startDocker, type DockerOptions } from './postgres/docker.js';
export { connectUrl, parseDatabaseUrl } from './postgres/url.js';
export { maskUrl, maskUrlsIn } from './postgres/mask.js';
export { freePort } from './postgres/port.js';
export { wasInterrupted } from './postgres/cleanup.js';
export {
  SetupError,
  type LogPosition,
  type PostgresServer,
  type ProviderKind,
  type ServerLog,
} from './postgres/types.js';
