import { deflateRawSync, gzipSync } from 'node:zlib';
import type { ConformanceCheck } from '../conformance-check.js';
import { base32 } from '../search/encodings.js';
import { Needles } from '../search/find.js';
import { searchEverywhere } from './leak-search.js';

const xorWith = (data: Buffer, key: Buffer): Buffer => data.map((byte, i) => byte ^ key[i % key.length]!) as Buffer;

/** The harness plants secrets itself and its search must find every one. */
export const positiveControl: ConformanceCheck = {
  id: 'positive-control',
  description:
    'Plants canaries in a scratch table (raw, base64, hex in JSON, gzip, UTF-16, URL-encoded, deflate+base64, XOR with a repeated key, base32, a 12-character prefix), in the statement log and in printed output (console calls here, file descriptor 1 and stderr of the store process), and searches for them',
  promise: 'The leak search works: a broken search can never make a leaky store pass',
  docs: {
    does: 'Plants canaries itself in a scratch table (raw, base64, hex inside JSON, gzip, UTF-16, URL-encoded, deflate+base64, XOR with a repeated key, base32, a 12-character prefix), in the statement log (as a bind parameter), in a console call, and has the store process write two more straight to file descriptor 1 and to stderr; then runs the same search as `no-plaintext-at-rest`',
    proves: 'The leak search works: a broken search can never make a leaky store pass',
    cannotSee: "Only what it plants: it proves the search's reach, not the store's",
  },
  async run(ctx) {
    const logStart = await ctx.logPosition();
    const c = Array.from({ length: 8 }, (_, i) => (i % 3 === 2 ? `${ctx.canary()}é` : ctx.canary()));
    const x = [ctx.canary(), ctx.canary(), ctx.canary()];
    const planted: Array<{ canary: string; how: string; text?: string; bytes?: Buffer; json?: unknown }> = [
      { canary: c[0]!, how: 'raw text', text: `note: ${c[0]}` },
      { canary: c[1]!, how: 'base64 text', text: `v1:${Buffer.from(c[1]!).toString('base64')}` },
      { canary: c[2]!, how: 'hex inside JSON', json: { value: Buffer.from(c[2]!).toString('hex') } },
      { canary: c[3]!, how: 'gzip bytea', bytes: gzipSync(Buffer.from(c[3]!)) },
      { canary: c[4]!, how: 'UTF-16LE bytea', bytes: Buffer.from(`x${c[4]}`, 'utf16le') },
      { canary: c[5]!, how: 'URL-encoded text', text: `token=${encodeURIComponent(c[5]!)}` },
      { canary: c[6]!, how: 'deflate+base64 text', text: deflateRawSync(Buffer.from(c[6]!)).toString('base64') },
      {
        canary: x[0]!,
        how: 'XOR with a repeated 5-byte key, base64 text',
        text: xorWith(Buffer.from(x[0]!), Buffer.from('k3y!9')).toString('base64'),
      },
      { canary: x[1]!, how: 'upper-case base32 text', text: base32(Buffer.from(`id:${x[1]}`)) },
      { canary: x[2]!, how: 'a 12-character prefix in a column of its own', text: x[2]!.slice(0, 12) },
    ];
    await ctx.admin.query('CREATE SCHEMA secret_hygiene_control');
    await ctx.admin.query('CREATE TABLE secret_hygiene_control.planted (t text, b bytea, j jsonb)');
    for (const p of planted) {
      await ctx.admin.query('INSERT INTO secret_hygiene_control.planted (t, b, j) VALUES ($1, $2, $3)', [
        p.text ?? null,
        p.bytes ?? null,
        p.json === undefined ? null : JSON.stringify(p.json),
      ]);
    }
    const printed = c[7]!;
    console.log('adapter debug output: token=%s', printed);
    // Printed by the store process the way loggers do: straight to file descriptor 1, and through process.stderr.
    const [direct, stream] = [ctx.canary(), ctx.canary()];
    const inStoreProcess = await ctx.printFromStoreProcess(
      `{"level":30,"msg":"debug","token":"${direct}"}`,
      `warn: token=${stream}`,
    );

    const needles = new Needles([...c, direct, stream, ...x], [], { fragments: true });
    const result = await searchEverywhere(ctx, needles, logStart);
    for (const p of planted) {
      const index = needles.secrets.indexOf(p.canary);
      if (
        !result.hits.some((h) => h.needle === index && h.location.startsWith('table secret_hygiene_control.planted'))
      ) {
        ctx.fail(`the table search missed a canary planted as ${p.how}`);
      }
    }
    if (!result.hits.some((h) => h.needle === 7 && h.location === 'adapter output')) {
      ctx.fail('the search of printed output missed a canary printed with console.log');
    }
    if (inStoreProcess) {
      for (const [needle, how] of [
        [8, 'written to file descriptor 1'],
        [9, 'written to process.stderr'],
      ] as const) {
        if (!result.hits.some((h) => h.needle === needle && h.location === 'adapter output'))
          ctx.fail(`the search of the store process's output missed a canary ${how}`);
      }
    } else ctx.note('the store runs in the harness process: only its log and console calls during a check are heard');
    if (
      result.searched.includes('server statement log') &&
      !result.hits.some((h) => h.needle === 0 && h.location === 'server statement log')
    ) {
      ctx.fail('the statement log search missed a canary sent as a bind parameter');
    }
    for (const missing of result.unavailable) ctx.note(`not searched: ${missing}`);
  },
};
