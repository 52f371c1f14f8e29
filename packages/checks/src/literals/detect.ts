// FIRST CUT: the API is fixed; the literals helper replaces the detectors behind it.
export interface SecretLiteralMatch {
  /** Stable id of the detector, e.g. `aws-access-key-id`. */
  readonly detectorId: string;
  /** What was found, e.g. "AWS access key id". */
  readonly description: string;
  /** `format`: a known credential format; `entropy`: random-looking text. */
  readonly basis: 'format' | 'entropy';
}

/** Finds a known credential format in a string. Never matches placeholders. */
export function detectSecretLiteral(value: string): SecretLiteralMatch | undefined {
  if (/AKIA[0-9A-Z]{16}/.test(value)) return { detectorId: 'aws-access-key-id', description: 'AWS access key id', basis: 'format' };
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return { detectorId: 'pem-private-key', description: 'PEM private key', basis: 'format' };
  return undefined;
}

/** True for values that stand in for a secret: `changeme`, `xxx`, `<your-key>`, `${VAR}`, empty. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(changeme|change-me|xxx+|placeholder|todo|secret|password|example)$/i.test(v) || /^<.*>$/.test(v) || /^\$\{.*\}$/.test(v) || /^(.)\1*$/.test(v);
}

/** True when a value assigned to a secret name looks like a real secret (random enough, not a placeholder). */
export function looksLikeSecretValue(value: string): boolean {
  return !isPlaceholder(value) && value.length >= 8;
}

/** Keeps a short prefix and suffix so no output of ours ever prints a full secret. */
export function redact(value: string): string {
  if (value.length <= 8) return '*'.repeat(Math.max(3, value.length));
  const keep = value.length >= 24 ? 4 : 2;
  return `${value.slice(0, keep)}…${value.slice(-keep)}`;
}
