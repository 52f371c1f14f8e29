// The public API of @secret-hygiene/checks: the check contract, the registry, the two runners (a
// TypeScript source file, a text file), the file-kind classification, the name classifier, the
// literal detectors and redaction. Everything else (syntax and flow helpers, catalogs, the nonce
// and SQL analyses) is the hosts' business and lives behind `@secret-hygiene/checks/internal`,
// which makes no stability promise.

// The check contract.
export {
  confidenceLevels,
  defineCheck,
  formatMessage,
  meetsConfidence,
  presetOptions,
  type Check,
  type CheckContext,
  type CheckedFile,
  type CheckLevel,
  type CheckMeta,
  type CheckReport,
  type CheckSuggestion,
  type CheckVisitor,
  type FlowStep,
  type Confidence,
  type ConfidenceOption,
  type InputKind,
  type JsonSchema,
  type Preset,
  type SharedSettings,
  type TextContext,
  type TextEdit,
  type TextEntry,
  type TextFile,
  type TextInputKind,
  type TextReport,
  type TypeScript,
} from './check.js';

// The registry.
export { allChecks, checksById, docsUrl, hostedByEslint } from './checks/index.js';

// The runners: one TypeScript source file, one text file (.env, JSON/YAML, TOML, .npmrc, Prisma, SQL, key files).
export { runChecksOnFile, type CheckRun, type FileInput } from './run.js';
export { inputsOf, readsInput, runChecksOnTextFile, type TextCheckRun } from './text/run.js';

// What kind of file a path is (product, test, fixture, docs, ...).
export {
  DEFAULT_FILE_KIND_PATTERNS,
  fileKindOf,
  fileKinds,
  type FileKind,
  type FileKindPatterns,
} from './context/file-kind.js';

// Is this name a secret?
export {
  classifyName,
  isSecretName,
  splitPath,
  splitWords,
  SECRET_KINDS,
  type ClassifierOptions,
  type NameClassification,
  type NameVerdict,
  type SecretKind,
} from './names/index.js';

// Does this string hold a secret? And how to show one without showing it.
export {
  detectSecretLiteral,
  ENTROPY_DETECTOR_IDS,
  explainSecretValue,
  findSecretLiterals,
  isPlaceholder,
  looksLikeSecretValue,
  redact,
  SECRET_DETECTORS,
  type SecretDetector,
  type SecretLiteralFinding,
  type SecretLiteralMatch,
} from './literals/index.js';
