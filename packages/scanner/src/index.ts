export * from './types.js';
export * from './run.js';
export type { ScanPhaseEvent } from './progress.js';
export * from './config.js';
export * from './rules.js';
export * from './baseline.js';
export { fingerprintFindings, compareFindings } from './findings.js';
export { readSuppressions, type Suppression } from './suppressions.js';
export { parseDiff, type ChangedLines } from './git.js';
export { compileGlobs } from './glob.js';
export * from './reporters/index.js';
export { scannerVersion } from './version.js';
export type {
  Inventory,
  EnvVarInventory,
  CredentialColumnInventory,
  EncryptionCallInventory,
  EnvValidation,
} from './inventory.js';
