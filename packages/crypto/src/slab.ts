/**
 * Record buffers carved out of shared slabs.
 *
 * Why: in V8 a `new Uint8Array(n)` over 64 bytes gets an off-heap backing store registered with the
 * garbage collector, which costs about 1 µs: a sixth of an AES-GCM call on a credential-sized
 * record. Node's `Buffer.allocUnsafe` pools small buffers for the same reason. A `RecordSlab`
 * belongs to one keyring (no module state) and hands out views of 16 KiB slabs; a slab is freed
 * when no view of it is left.
 *
 * The same goes for small buffers handed to node:crypto: V8 keeps a `new Uint8Array` of up to 64
 * bytes on its heap and moves it off (an ArrayBuffer allocation, ~0.6 µs) when native code first
 * reads it; a slab view is off-heap from the start.
 *
 * Only ciphertext records and associated data are allocated here, never plaintext or keys: a view's
 * `.buffer` spans its neighbours, which is harmless for ciphertext and context and would not be for
 * secrets.
 */
/** Allocates a buffer for a record or for associated data (a {@link RecordSlab}'s, or `new Uint8Array`). */
export type Allocate = (length: number) => Uint8Array;

const SLAB_SIZE = 16 * 1024;
/** Larger records get their own buffer (a slab should hold many records). */
const MAX_POOLED = 1024 + 256;

export class RecordSlab {
  #slab: ArrayBuffer | undefined;
  #offset = SLAB_SIZE;

  /** A zero-filled view of `length` bytes (8-byte aligned), from the current slab or a new one. */
  allocate(length: number): Uint8Array {
    if (length > MAX_POOLED) return new Uint8Array(length);
    // byteLength 0: someone transferred a record's `.buffer` (postMessage), which detached the slab.
    if (this.#slab === undefined || this.#offset + length > SLAB_SIZE || this.#slab.byteLength === 0) {
      this.#slab = new ArrayBuffer(SLAB_SIZE);
      this.#offset = 0;
    }
    const out = new Uint8Array(this.#slab, this.#offset, length);
    this.#offset += (length + 7) & ~7;
    return out;
  }
}
