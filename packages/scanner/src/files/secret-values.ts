import { classifyName, detectSecretLiteral, isPlaceholder, looksLikeSecretValue, redact, type SharedSettings } from '@secret-hygiene/checks';
import { formatMessage } from '@secret-hygiene/checks';
import { scannerMessages } from '../messages.js';

/** True for values the user allows (`no-hardcoded-secret`'s `allowedPlaceholders` and `allowedPatterns`). */
export type ValueAllowance = (value: string) => boolean;

/** The allowance `no-hardcoded-secret`'s options describe, so config files honour the same options as code. */
export function valueAllowance(options: Record<string, unknown> | undefined): ValueAllowance {
  const exact = new Set((options?.['allowedPlaceholders'] as string[] | undefined) ?? []);
  const patterns = ((options?.['allowedPatterns'] as string[] | undefined) ?? []).map((p) => new RegExp(p));
  return (value) => exact.has(value) || patterns.some((re) => re.test(value));
}

/**
 * Whether a key/value pair from a config or .env file holds a secret, as the `no-hardcoded-secret`
 * check decides for code: a known credential format anywhere, or a non-placeholder value that looks
 * like a secret under a secret-named key. Returns the redacted message, or undefined.
 */
export function secretValueMessage(name: string, value: string, settings: SharedSettings, allowed?: ValueAllowance): string | undefined {
  if (isPlaceholder(value) || allowed?.(value)) return undefined;
  const known = detectSecretLiteral(value);
  if (known) return formatMessage(scannerMessages.secretValueFormat, { name, description: known.description, preview: redact(value) });
  if (classifyName(name, settings).isSecret && looksLikeSecretValue(value)) {
    return formatMessage(scannerMessages.secretValueName, { name, preview: redact(value) });
  }
  return undefined;
}
