// Encrypt+decrypt round trips per second of @secret-hygiene/crypto against calling node:crypto
// AES-256-GCM directly (random 12-byte nonce, setAAD, tag), measured in the same run.
// Rows: our direct record (binary and text format), our envelope record (two AEAD operations per
// record), and the portable noble backend, each at 64 B, 1 KiB and 1 MiB.
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

/** Ops/s of `fn` over a round of about `ms` milliseconds. */
function round(fn, ms) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 8; i++) fn();
    n += 8;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

/** Alternates candidate and baseline rounds and keeps each one's best, so warm-up and noise favour neither. */
function compare(candidate, base, { rounds, ms }) {
  candidate();
  base();
  let bestCandidate = 0;
  let bestBase = 0;
  for (let r = 0; r < rounds; r++) {
    bestBase = Math.max(bestBase, round(base, ms));
    bestCandidate = Math.max(bestCandidate, round(candidate, ms));
  }
  return { candidate: bestCandidate, base: bestBase };
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
      const settings = big ? { rounds: v.keyring === portable ? 2 : 5, ms: 400 } : { rounds: 7, ms: 250 };
      const { candidate, base } = compare(ours(v.keyring, plaintext, v), baseline(plaintext), settings);
      rows.push({
        name: `encrypt+decrypt ${size.label}, ${v.name} (${v.keyring.backend.name})`,
        value: candidate,
        unit: 'ops/s',
        baseline: { name: 'node:crypto aes-256-gcm direct', value: base },
        ratio: candidate / base,
        goal: v.goal ? `>= ${size.goal.toFixed(2)}x` : 'report only',
      });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(`${row.name}: ${Math.round(row.value)} ${row.unit} vs ${Math.round(row.baseline.value)} -> ${row.ratio.toFixed(2)}x (${row.goal})`);
}
