// `@secret-hygiene/checks/internal`: what the hosts (eslint-plugin, scanner, cli, conformance) and
// this package's tests use beyond the public entry (`./index.ts`): the analysis layers the checks are
// built from and the runners' plumbing. No stability promise: these names change with the checks.
export { KEY_VALUE_INPUTS } from './check.js';
export { checkedFile, crashReason, fastNamespace, mergeOptions } from './run.js';
export { noTrackedEnvFile, suppressionWithoutReason } from './checks/index.js';
export { relativeToRoot } from './context/file-kind.js';
export * from './context/branch.js';
export {
  charsetOf,
  ENTROPY_THRESHOLDS,
  looksLikePassword,
  looksRandom,
  shannonEntropy,
  urlCredentials,
  type Charset,
} from './literals/index.js';
export * from './ast/index.js';
export * from './catalogs/index.js';
export * from './flow/index.js';
export * from './nonce/index.js';
export * from './sql/index.js';
export * from './text/index.js';
export * from './suppressions.js';
export * from './inventory/index.js';
