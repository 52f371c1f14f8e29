// Encrypt+decrypt round trips per second of @secret-hygiene/crypto against calling node:crypto
// AES-256-GCM directly (random 12-byte nonce, setAAD, tag), measured in the same run.
// Rows: our direct record (binary and text format), our envelope record (two AEAD operations per
// record), and the portable noble backend, each at 64 B, 1 KiB and 1 MiB.
// Slices of both sides are interleaved and compared by CPU time used (see compare()).
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

/** CPU seconds (user + system of this process) for `n` calls of `fn`. */
function slice(fn, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Interleaves slices of candidate and baseline (alternating which goes first) and compares the CPU
 * time each side used in total. CPU time rather than wall time, so other processes on a shared
 * machine do not land on one side only; slices of ~40 ms stay well above the clock's granularity.
 */
function compare(candidate, base, seconds) {
  // Warm up both sides (JIT compilation runs on other threads and would be billed to whichever side is running).
  const warm = performance.now() + 400;
  while (performance.now() < warm) {
    candidate();
    base();
  }
  let n = 1;
  while (slice(base, n) < 0.04 && n < 1 << 20) n *= 2;
  let candidateTime = 0;
  let baseTime = 0;
  let ops = 0;
  const deadline = performance.now() + seconds * 1000;
  for (let round = 0; performance.now() < deadline || round < 4; round++) {
    if (round % 2 === 0) {
      baseTime += slice(base, n);
      candidateTime += slice(candidate, n);
    } else {
      candidateTime += slice(candidate, n);
      baseTime += slice(base, n);
    }
    ops += n;
  }
  return { candidate: ops / candidateTime, base: ops / baseTime, ratio: baseTime / candidateTime };
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
  // Variant by variant, noble last: running noble through the same call sites first would make them
  // polymorphic and slow the node rows slightly (an artifact no single-backend application has).
  for (const v of variants) {
    for (const size of SIZES) {
      const plaintext = nodeCrypto.randomBytes(size.bytes);
      const big = size.bytes >= 1024 * 1024;
      const seconds = v.keyring === portable ? 1.5 : big ? 5 : 4;
      const { candidate, base, ratio } = compare(ours(v.keyring, plaintext, v), baseline(plaintext), seconds);
      rows.push({
        name: `encrypt+decrypt ${size.label}, ${v.name} (${v.keyring.backend.name})`,
        value: candidate,
        unit: 'ops/CPU-s',
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
