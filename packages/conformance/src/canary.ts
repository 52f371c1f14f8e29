import { randomBytes } from 'node:crypto';
import { spellings } from './search/encodings.js';

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** The fixed start of every canary (not secret: the rest is random). */
export const canaryPrefix = 'shc-';

/**
 * A unique random secret: `shc-` followed by `length` (26 unless asked) random base32 letters,
 * optionally with non-ASCII letters so that UTF-16 and JSON escapes differ from the raw form.
 */
export function makeCanary(unicode = false, length = 26): string {
  const bytes = randomBytes(length);
  let body = '';
  for (const byte of bytes) body += alphabet[byte % alphabet.length];
  const half = Math.floor(length / 2);
  return unicode ? `${canaryPrefix}ü${body.slice(0, half)}ß${body.slice(half)}` : `${canaryPrefix}${body}`;
}

// The one redaction policy of the project, from its own entry point: the checks package's front door
// would load its 70 modules (0.1 s of CPU at every harness start) for these four lines.
export { redact } from '@secret-hygiene/checks/redact';
import { redact } from '@secret-hygiene/checks/redact';

/**
 * The most of a secret any output of the harness may show, and the most a store may keep in
 * plaintext: runs of this many characters of a secret (a prefix, a suffix, a middle part) count as
 * the secret. 8 characters are under a third of a 26-letter canary body; `redact()` shows 4 a side.
 */
export const fragmentLength = 8;

/**
 * Redacts every secret it was given from any text, in every text spelling the leak search knows
 * (upper-cased, base64, base32, hex, URL-encoded, JSON-escaped, reversed) and as any run of
 * {@link fragmentLength} or more of its characters in any case (a long prefix, an echo cut short).
 */
export class Redactor {
  private readonly forms = new Map<string, string>();
  /** Lower-cased fragment of `fragmentLength` characters → the lower-cased secret it comes from. */
  private readonly fragments = new Map<string, string>();
  private readonly replacements = new Map<string, string>();

  add(secret: string): void {
    const replacement = redact(secret);
    for (const spelling of spellings(secret)) {
      if (spelling.encoding.startsWith('utf-16')) continue;
      const text = spelling.bytes.toString('utf8');
      // A short secret (6 characters) is redacted in its own spellings too.
      if (text.length >= Math.min(fragmentLength, secret.length) && !this.forms.has(text))
        this.forms.set(text, replacement);
    }
    const lower = secret.toLowerCase();
    this.replacements.set(lower, replacement);
    for (let i = 0; i + fragmentLength <= lower.length; i++)
      this.fragments.set(lower.slice(i, i + fragmentLength), lower);
  }

  apply(text: string): string {
    let out = text;
    // Longest forms first, so a base64 form is replaced whole before a shorter form inside it.
    for (const [form, replacement] of [...this.forms].sort((a, b) => b[0].length - a[0].length)) {
      if (out.includes(form)) out = out.split(form).join(replacement);
    }
    return this.redactRuns(out);
  }

  /** Replaces every maximal run of `fragmentLength`+ characters of a secret, in any case. */
  private redactRuns(text: string): string {
    if (this.fragments.size === 0) return text;
    const lower = text.toLowerCase();
    // Lower-casing keeps lengths for the characters secrets are made of; anything else is left alone.
    if (lower.length !== text.length) return text;
    let out = '';
    let i = 0;
    while (i < text.length) {
      const secret = this.fragments.get(lower.slice(i, i + fragmentLength));
      if (secret === undefined) {
        out += text[i];
        i++;
        continue;
      }
      let end = i + fragmentLength;
      while (end < text.length && secret.includes(lower.slice(i, end + 1))) end++;
      out += this.replacements.get(secret) ?? '****';
      i = end;
    }
    return out;
  }
}
