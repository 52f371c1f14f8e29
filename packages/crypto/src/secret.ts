/**
 * `Secret<T>`: a box that prints as `[REDACTED]` everywhere (String(), template literals, JSON,
 * util.inspect, console.log, util.format %s/%o/%j) and opens only through `reveal()`.
 *
 * The value lives in a private `#field`, so Object.keys, spread, Object.entries, structuredClone and
 * JSON see nothing. `dispose()` zeroes a Uint8Array value and makes later `reveal()` throw.
 */
import { constantTimeEqual } from './compare.js';
import { DisposedError, InvalidArgumentError } from './errors.js';

/** What a Secret prints as. */
export const REDACTED = '[REDACTED]';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A value that must not be printed or serialized. */
export class Secret<T> {
  #value: T | undefined;
  #disposed = false;

  /** Boxes `value`. The Secret takes ownership: `dispose()` zeroes a Uint8Array value in place. */
  constructor(value: T) {
    this.#value = value;
  }

  /** The value. Throws DisposedError after `dispose()`. */
  reveal(): T {
    if (this.#disposed) throw new DisposedError('Secret');
    return this.#value as T;
  }

  /** Calls `fn` with the value and returns its result (handy to keep the value's scope short). Throws DisposedError after `dispose()`. */
  use<R>(fn: (value: T) => R): R {
    return fn(this.reveal());
  }

  /** True after `dispose()`. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** Zeroes a Uint8Array value (other values are dropped: JS strings cannot be wiped) and forbids further `reveal()`. Idempotent. */
  dispose(): void {
    if (this.#value instanceof Uint8Array) this.#value.fill(0);
    this.#value = undefined;
    this.#disposed = true;
  }

  /** Constant-time equality with another Secret or a raw value (Uint8Array or string values only). Throws InvalidArgumentError for other value types, DisposedError after dispose. */
  equals(other: Secret<T> | T): boolean {
    const a = this.reveal();
    const b = other instanceof Secret ? (other.reveal() as T) : other;
    if (
      (typeof a !== 'string' && !(a instanceof Uint8Array)) ||
      (typeof b !== 'string' && !(b instanceof Uint8Array))
    ) {
      throw new InvalidArgumentError('Secret.equals compares string or Uint8Array values');
    }
    return constantTimeEqual(a, b);
  }

  /** `[REDACTED]` */
  toString(): string {
    return REDACTED;
  }

  /** `[REDACTED]` (so JSON.stringify never serializes the value). */
  toJSON(): string {
    return REDACTED;
  }

  /** `[REDACTED]` in string and number contexts (template literals, `+`). */
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  /** util.inspect / console.log. */
  [inspectSymbol](): string {
    return `Secret(${REDACTED})`;
  }

  /** `Object.prototype.toString` tag. */
  get [Symbol.toStringTag](): string {
    return 'Secret';
  }
}

/** Boxes a value in a {@link Secret}. */
export function secret<T>(value: T): Secret<T> {
  return new Secret(value);
}

/** Options of {@link mask}. */
export interface MaskOptions {
  /** Characters kept at the start (default 4). */
  readonly prefix?: number;
  /** Characters kept at the end (default 4). */
  readonly suffix?: number;
  /** Replacement for the hidden middle (default `…`). */
  readonly fill?: string;
  /** Values shorter than this are hidden whole (default 12), so masking never shows most of a short secret. */
  readonly minLength?: number;
}

/**
 * Masks a value for display: `sk_live_abcd…wxyz`. Shows at most a quarter of the value in total,
 * and nothing of values shorter than `minLength`. Accepts a string or a Secret<string>. Throws
 * InvalidArgumentError for other types or negative counts.
 */
export function mask(value: string | Secret<string>, options: MaskOptions = {}): string {
  const text = value instanceof Secret ? value.reveal() : value;
  if (typeof text !== 'string') throw new InvalidArgumentError('mask takes a string or a Secret<string>');
  const { prefix = 4, suffix = 4, fill = '…', minLength = 12 } = options;
  if (!Number.isInteger(prefix) || !Number.isInteger(suffix) || prefix < 0 || suffix < 0) {
    throw new InvalidArgumentError('mask prefix and suffix must be non-negative integers');
  }
  const chars = Array.from(text); // code points, so a surrogate pair is never split
  if (chars.length < minLength) return REDACTED;
  const budget = Math.floor(chars.length / 4);
  const p = Math.min(prefix, budget);
  const s = Math.min(suffix, budget - p);
  return chars.slice(0, p).join('') + fill + (s > 0 ? chars.slice(chars.length - s).join('') : '');
}
