// Encrypt+decrypt round trips per second of @secret-hygiene/crypto against calling node:crypto
// AES-256-GCM directly (random 12-byte nonce, setAAD, tag), measured in the same run.
// Rows: our direct record (binary and text format), our envelope record (two AEAD operations per
// record), and the portable noble backend, each at 64 B, 1 KiB and 1 MiB.
// Slices of both sides are interleaved and the median per-slice ratio is reported (see compare()).
// Goal: credential-sized payloads (<= 1 KiB) within 10% of node:crypto (ratio >= 0.90), 1 MiB within
// 20% (>= 0.80). The envelope and noble rows are reported for honesty; they have no goal.
// Build first: npx tsc -b packages/crypto
import * as nodeCrypto from 'node:crypto';
import { Keyring, nobleBackend } from '../dist/index.js';

const SIZES = [
  { label: '64 B', bytes: 64, goal: 0.9 },
  { label: '1 KiB', bytes: 1024, goal: 0.9 },
  { label: '1 MiB', bytes: 1024 * 1024, goal: 0.8 },
];
const AAD = 'tenant=t1;table=users;column=api_key;row=42';
const KEY = nodeCrypto.randomBytes(32);

function baseline(plaintext) {
  const aad = Buffer.from(AAD);
  return () => {
    const iv = nodeCrypto.randomBytes(12);
    const cipher = nodeCrypto.createCipheriv('aes-256-gcm', KEY, iv);
    cipher.setAAD(aad);
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();
    const decipher = nodeCrypto.createDecipheriv('aes-256-gcm', KEY, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const out = Buffer.concat([decipher.update(ct), decipher.final()]);
    if (out.length !== plaintext.length) throw new Error('baseline round trip failed');
  };
}

function ours(keyring, plaintext, { text, envelope }) {
  const options = { aad: AAD, envelope };
  return text
    ? () => {
        const out = keyring.decrypt(keyring.encryptToString(plaintext, options), options);
        if (out.length !== plaintext.length) throw new Error('round trip failed');
      }
    : () => {
        const out = keyring.decrypt(keyring.encrypt(plaintext, options), options);
        if (out.length !== plaintext.length) throw new Error('round trip failed');
      };
}

/** Seconds for `n` calls of `fn`. */
function slice(fn, n) {
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - start) / 1000;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * Interleaves short slices of candidate and baseline (alternating which goes first) for about
 * `seconds`, and reports the medians of per-slice rates and of per-slice ratios. Slices of a few
 * milliseconds see the same machine load on both sides, so the ratio stays meaningful on a busy
 * machine even when absolute rates move.
 */
function compare(candidate, base, seconds) {
  for (let i = 0; i < 3; i++) {
    candidate();
    base();
  }
  // Calibrate: about 5 ms per slice.
  let n = 1;
  while (slice(base, n) < 0.005 && n < 1 << 20) n *= 2;
  const rates = [];
  const baseRates = [];
  const ratios = [];
  const deadline = performance.now() + seconds * 1000;
  for (let round = 0; performance.now() < deadline || round < 10; round++) {
    let c;
    let b;
    if (round % 2 === 0) {
      b = slice(base, n);
      c = slice(candidate, n);
    } else {
      c = slice(candidate, n);
      b = slice(base, n);
    }
    rates.push(n / c);
    baseRates.push(n / b);
    ratios.push(b / c);
  }
  return { candidate: median(rates), base: median(baseRates), ratio: median(ratios) };
}

export async function run() {
  const rows = [];
  const fast = new Keyring([{ id: 'k1', key: KEY, state: 'primary' }]); // defaultBackend(): node:crypto
  const portable = new Keyring([{ id: 'k1', key: KEY, state: 'primary' }], { backend: nobleBackend });
  const variants = [
    { name: 'direct record, bytes', keyring: fast, text: false, envelope: false, goal: true },
    { name: 'direct record, text shc:v1', keyring: fast, text: true, envelope: false, goal: true },
    { name: 'envelope record, bytes (2 AEAD ops)', keyring: fast, text: false, envelope: true, goal: false },
    { name: 'direct record, bytes, noble backend', keyring: portable, text: false, envelope: false, goal: false },
  ];
  for (const size of SIZES) {
    const plaintext = nodeCrypto.randomBytes(size.bytes);
    const big = size.bytes >= 1024 * 1024;
    for (const v of variants) {
      const seconds = v.keyring === portable ? 1.5 : big ? 5 : 3;
      const { candidate, base, ratio } = compare(ours(v.keyring, plaintext, v), baseline(plaintext), seconds);
      rows.push({
        name: `encrypt+decrypt ${size.label}, ${v.name} (${v.keyring.backend.name})`,
        value: candidate,
        unit: 'ops/s',
        baseline: { name: 'node:crypto aes-256-gcm direct', value: base },
        ratio,
        goal: v.goal ? `>= ${size.goal.toFixed(2)}x` : 'report only',
      });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(`${row.name}: ${Math.round(row.value)} ${row.unit} vs ${Math.round(row.baseline.value)} -> ${row.ratio.toFixed(2)}x (${row.goal})`);
}
