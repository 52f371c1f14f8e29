import * as crypto from 'node:crypto';

export class TokenVault {
  private readonly iv = crypto.randomBytes(16);
  private counter = 0;

  constructor(private readonly key: Buffer) {}

  seal(token: string): string {
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, this.iv); // expect: no-iv-reuse
    const out = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return `${out.toString('base64')}.${cipher.getAuthTag().toString('base64')}`;
  }

  sealWithCounter(token: string): Buffer {
    const nonce = Buffer.alloc(12);
    nonce.writeUInt32BE(this.counter++, 8);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonce); // expect: no-iv-reuse
    return Buffer.concat([nonce, cipher.update(token, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }

  sealFresh(token: string): Buffer {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonce);
    return Buffer.concat([nonce, cipher.update(token, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }

  open(sealed: Buffer): string {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(-16));
    return Buffer.concat([decipher.update(sealed.subarray(12, -16)), decipher.final()]).toString('utf8');
  }
}
