import { createCipheriv, createHash, randomBytes } from 'node:crypto';

interface Row {
  id: string;
  payload: string;
}

export function exportRows(key: Buffer, rows: Row[]): Buffer[] {
  const iv = randomBytes(12);
  return rows.map((row) => {
    const cipher = createCipheriv('aes-256-gcm', key, iv); // expect: no-iv-reuse
    return Buffer.concat([cipher.update(row.payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  });
}

export function exportRowsLoop(key: Buffer, rows: Row[]): Buffer[] {
  const out: Buffer[] = [];
  const nonce = randomBytes(12);
  for (const row of rows) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce); // expect: no-iv-reuse
    out.push(Buffer.concat([cipher.update(row.payload, 'utf8'), cipher.final(), cipher.getAuthTag()]));
  }
  return out;
}

export function exportRowsFresh(key: Buffer, rows: Row[]): Buffer[] {
  return rows.map((row) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(row.payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  });
}

export function exportPerRecipient(recipientKeys: Buffer[], payload: string): Buffer[] {
  const iv = randomBytes(12);
  const out: Buffer[] = [];
  for (const key of recipientKeys) {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    out.push(Buffer.concat([iv, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]));
  }
  return out;
}

export function encryptDeterministic(key: Buffer, value: string): Buffer {
  const iv = createHash('sha256').update(key).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function encryptTwice(key: Buffer, a: string, b: string): [Buffer, Buffer] {
  const iv = randomBytes(12);
  const first = createCipheriv('aes-256-gcm', key, iv);
  const second = createCipheriv('aes-256-gcm', key, iv); // expect: no-iv-reuse
  return [Buffer.concat([first.update(a), first.final()]), Buffer.concat([second.update(b), second.final()])];
}
