export * from './detect.js';
export { SECRET_DETECTORS, type SecretDetector } from './formats.js';
export {
  commentDisclaimsSecret,
  isPlaceholder,
  isStandInKey,
  nameDisclaimsSecret,
  urlCredentials,
} from './placeholders.js';
export {
  shannonEntropy,
  charsetOf,
  looksRandom,
  looksLikePassword,
  ENTROPY_THRESHOLDS,
  type Charset,
} from './entropy.js';
export { redact } from './redact.js';
