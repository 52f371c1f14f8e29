import { classifyName, detectSecretLiteral, isPlaceholder, looksLikeSecretValue, redact, type SharedSettings } from '@secret-hygiene/checks';
import { formatMessage } from '@secret-hygiene/checks';
import { scannerMessages } from '../messages.js';

/**
 * Whether a key/value pair from a config or .env file holds a secret, as the `no-hardcoded-secret`
 * check decides for code: a known credential format anywhere, or a non-placeholder value that looks
 * like a secret under a secret-named key. Returns the redacted message, or undefined.
 */
export function secretValueMessage(name: string, value: string, settings: SharedSettings): string | undefined {
  if (isPlaceholder(value)) return undefined;
  const known = detectSecretLiteral(value);
  if (known) return formatMessage(scannerMessages.secretValueFormat, { name, description: known.description, preview: redact(value) });
  if (classifyName(name, settings).isSecret && looksLikeSecretValue(value)) {
    return formatMessage(scannerMessages.secretValueName, { name, preview: redact(value) });
  }
  return undefined;
}
