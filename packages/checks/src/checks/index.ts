import type { Check } from '../check.js';
import { noEnvFallback } from './no-env-fallback.js';
import { noHardcodedSecret } from './no-hardcoded-secret.js';
import { noIvReuse } from './no-iv-reuse.js';
import { noPlaintextCredentialColumn } from './no-plaintext-credential-column.js';
import { noSecretInClientStorage } from './no-secret-in-client-storage.js';
import { noSecretInResponse } from './no-secret-in-response.js';
import { noSecretLogging } from './no-secret-logging.js';
import { noTimingUnsafeCompare } from './no-timing-unsafe-compare.js';
import { noWeakCrypto } from './no-weak-crypto.js';

/**
 * The registry: the single source of truth for check ids, docs, configs and SARIF rules.
 * Every host (ESLint plugin, scanner) reads this list; add a check here and it runs everywhere.
 */
export const allChecks: readonly Check<any, string>[] = [
  noEnvFallback,
  noHardcodedSecret,
  noIvReuse,
  noPlaintextCredentialColumn,
  noSecretInClientStorage,
  noSecretInResponse,
  noSecretLogging,
  noTimingUnsafeCompare,
  noWeakCrypto,
];

export const checksById: ReadonlyMap<string, Check<any, string>> = new Map(allChecks.map((c) => [c.id, c]));

/** The public URL of a check's docs page. */
export function docsUrl(id: string): string {
  return `https://github.com/secret-hygiene/secret-hygiene/blob/main/docs/rules/${id}.md`;
}
