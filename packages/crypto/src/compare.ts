/** Constant-time comparison (no early exit on the first differing byte). */
import { InvalidArgumentError } from './errors.js';
import { utf8Encode } from './encoding.js';

/**
 * True when `a` and `b` hold the same bytes (strings compare as UTF-8). The time depends only on the
 * lengths, never on where the inputs differ. Throws InvalidArgumentError for other types.
 */
export function constantTimeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const x = typeof a === 'string' ? utf8Encode(a) : a;
  const y = typeof b === 'string' ? utf8Encode(b) : b;
  if (!(x instanceof Uint8Array) || !(y instanceof Uint8Array))
    throw new InvalidArgumentError('constantTimeEqual compares Uint8Arrays or strings');
  let diff = x.length ^ y.length;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
