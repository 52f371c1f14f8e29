import type { Check } from '../check.js';
import { readsInput } from '../text/run.js';
import { noEnvFallback } from './no-env-fallback.js';
import { noHardcodedSecret } from './no-hardcoded-secret.js';
import { noInsecureSecretFile } from './no-insecure-secret-file.js';
import { noIvReuse } from './no-iv-reuse.js';
import { noPlaintextCredentialColumn } from './no-plaintext-credential-column.js';
import { noPlaintextSecretWrite } from './no-plaintext-secret-write.js';
import { noSecretInClientStorage } from './no-secret-in-client-storage.js';
import { noSecretInResponse } from './no-secret-in-response.js';
import { noSecretLogging } from './no-secret-logging.js';
import { noTimingUnsafeCompare } from './no-timing-unsafe-compare.js';
import { noTrackedEnvFile } from './no-tracked-env-file.js';
import { noWeakCrypto } from './no-weak-crypto.js';
import { suppressionWithoutReason } from './suppression-without-reason.js';

/**
 * The registry: the single source of truth for rule ids, docs, configs, options and SARIF rules, for
 * every input. Every host reads this list: the ESLint plugin hosts the checks that read TypeScript
 * file by file (`hostedByEslint`), the scanner every check, on the inputs `meta.inputs` names.
 */
export const allChecks: readonly Check<any, string>[] = [
  noEnvFallback,
  noHardcodedSecret,
  noInsecureSecretFile,
  noIvReuse,
  noPlaintextCredentialColumn,
  noPlaintextSecretWrite,
  noSecretInClientStorage,
  noSecretInResponse,
  noSecretLogging,
  noTimingUnsafeCompare,
  noTrackedEnvFile,
  noWeakCrypto,
  suppressionWithoutReason,
];

export const checksById: ReadonlyMap<string, Check<any, string>> = new Map(allChecks.map((c) => [c.id, c]));

/** The public URL of a check's docs page. */
export function docsUrl(id: string): string {
  return `https://github.com/secret-hygiene/secret-hygiene/blob/main/docs/rules/${id}.md`;
}

/** True for a check the ESLint plugin hosts: it reads TypeScript and needs no whole program. */
export function hostedByEslint(check: Check<any, string>): boolean {
  return (check.meta.scope ?? 'file') === 'file' && readsInput(check, 'typescript');
}

export { noTrackedEnvFile } from './no-tracked-env-file.js';
export { suppressionWithoutReason } from './suppression-without-reason.js';
