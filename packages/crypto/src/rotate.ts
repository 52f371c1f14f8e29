/**
 * Key rotation over a stream of stored records: batched, idempotent, resumable.
 *
 * - Idempotent: a record already under the primary key is skipped (never encrypted twice), so a
 *   batch replayed after a crash changes nothing it already changed.
 * - Resumable: after each batch is written, `checkpoint(cursor)` receives the id of the batch's last
 *   record; pass it back as `cursor` to continue after it.
 * - No plaintext reaches the caller: records go through `Keyring.rewrapMany` (default: a batch of
 *   envelopes costs two block-cipher calls, and their `aad` is never read) or `reencrypt`.
 */
import { InvalidArgumentError } from './errors.js';
import type { AssociatedData } from './envelope.js';
import { parseEnvelopeHead } from './format.js';
import type { Keyring } from './keyring.js';

/** An envelope head as bytes (`heads` mode takes binary records only). */
function headBytes(ciphertext: string | Uint8Array): Uint8Array {
  if (!(ciphertext instanceof Uint8Array))
    throw new InvalidArgumentError('in heads mode every ciphertext is the bytes of an envelope head');
  return ciphertext;
}

/** One stored ciphertext, as read from the store. */
export interface RotationRecord {
  /** Stable, unique id in iteration order (a primary key); used as the resume cursor. */
  readonly id: string;
  readonly ciphertext: string | Uint8Array;
  /** The associated data it was encrypted with (read only when needed: direct records, or `reencrypt`; a getter may compute it lazily). */
  readonly aad?: AssociatedData;
}

/** A record's new ciphertext, to be written back. */
export interface RotationUpdate {
  readonly id: string;
  /** Same form (text or bytes) as the input. */
  readonly ciphertext: string | Uint8Array;
  /** The ciphertext that was read, for an optimistic-concurrency check (`UPDATE ... WHERE ciphertext = $old`). */
  readonly previous: string | Uint8Array;
}

/** Progress counters, reported after each batch and returned at the end. */
export interface RotationProgress {
  /** Records read in this run. */
  readonly scanned: number;
  /** Records moved to the primary key in this run. */
  readonly rotated: number;
  /** Records already under the primary key. */
  readonly skipped: number;
  /** Id of the last record of the last written batch. */
  readonly cursor: string | undefined;
}

/** Options of {@link rotate}. */
export interface RotateOptions {
  readonly keyring: Keyring;
  /**
   * The records, in a stable order. A function receives the resume cursor (undefined at the start)
   * and should yield records after it (e.g. `WHERE id > $cursor ORDER BY id`); a plain iterable is
   * read from the start and records up to and including the cursor are passed over.
   */
  readonly source:
    | AsyncIterable<RotationRecord>
    | Iterable<RotationRecord>
    | ((cursor: string | undefined) => AsyncIterable<RotationRecord> | Iterable<RotationRecord>);
  /** Writes one batch of updates (ideally in one transaction). */
  readonly write: (updates: readonly RotationUpdate[]) => Promise<void> | void;
  /** Persists the resume cursor after a batch is written. */
  readonly checkpoint?: (cursor: string) => Promise<void> | void;
  /** Resume after this record id (the last checkpoint). */
  readonly cursor?: string;
  /** Records per batch (default 100). */
  readonly batchSize?: number;
  /**
   * `rewrap` (default: envelopes keep their data layer), `reencrypt` (new data key, keyring's
   * layout), or `heads`: every record's `ciphertext` is only the head of a binary envelope record
   * (header and wrapped data key, see `EnvelopeHead`), and each update carries the new head, for a
   * store that reads and writes only the bytes a rewrap changes (`Keyring.rewrapEnvelopeHeads`).
   */
  readonly mode?: 'rewrap' | 'reencrypt' | 'heads';
  /** Called after each batch. */
  readonly onProgress?: (progress: RotationProgress) => void;
  /** Stops between batches. */
  readonly signal?: AbortSignal;
}

/**
 * Rotates every record to the keyring's primary key. Rejects with the first error from the source,
 * `write`, `checkpoint` or the keyring (e.g. DecryptionError for a record whose aad is wrong,
 * RetiredKeyError for a record under a retired key), with everything before the failing batch
 * written and checkpointed; InvalidArgumentError for bad options; the signal's reason when aborted.
 */
export async function rotate(options: RotateOptions): Promise<RotationProgress> {
  const { keyring, write, checkpoint, onProgress, signal } = options;
  const batchSize = options.batchSize ?? 100;
  const mode = options.mode ?? 'rewrap';
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new InvalidArgumentError('batchSize must be a positive integer');
  if (mode !== 'rewrap' && mode !== 'reencrypt' && mode !== 'heads')
    throw new InvalidArgumentError('mode must be "rewrap", "reencrypt" or "heads"');
  if (typeof write !== 'function') throw new InvalidArgumentError('write must be a function');
  const resumeAfter = options.cursor;
  const source = typeof options.source === 'function' ? options.source(resumeAfter) : options.source;
  // A plain iterable cannot seek: pass over records up to the cursor (a function source already did).
  let seeking = typeof options.source !== 'function' && resumeAfter !== undefined;

  const primaryId = mode === 'heads' ? keyring.primaryKeyId : undefined;
  let scanned = 0;
  let rotated = 0;
  let skipped = 0;
  let cursor = resumeAfter;
  let pending: RotationRecord[] = [];
  let batchCount = 0;
  let lastId: string | undefined;

  const flush = async () => {
    if (batchCount === 0) return;
    if (pending.length > 0) {
      const rotatedBatch =
        mode === 'rewrap'
          ? keyring.rewrapMany(pending)
          : mode === 'heads'
            ? keyring.rewrapEnvelopeHeads(pending.map((r) => headBytes(r.ciphertext)))
            : pending.map((r) => keyring.reencrypt(r.ciphertext, { aad: r.aad }));
      await write(pending.map((r, i) => ({ id: r.id, ciphertext: rotatedBatch[i]!, previous: r.ciphertext })));
      rotated += pending.length;
    }
    cursor = lastId;
    if (checkpoint && cursor !== undefined) await checkpoint(cursor);
    pending = [];
    batchCount = 0;
    onProgress?.({ scanned, rotated, skipped, cursor });
  };

  for await (const record of source as AsyncIterable<RotationRecord>) {
    if (seeking) {
      if (record.id === resumeAfter) seeking = false;
      continue;
    }
    signal?.throwIfAborted();
    if (typeof record?.id !== 'string') throw new InvalidArgumentError('every rotation record needs a string id');
    scanned++;
    lastId = record.id;
    batchCount++;
    if (
      mode === 'heads'
        ? parseEnvelopeHead(headBytes(record.ciphertext)).keyId === primaryId
        : keyring.isCurrent(record.ciphertext)
    )
      skipped++;
    else pending.push(record);
    if (batchCount >= batchSize) await flush();
  }
  await flush();
  if (seeking) throw new InvalidArgumentError('resume cursor was not found in the source');
  return { scanned, rotated, skipped, cursor };
}
