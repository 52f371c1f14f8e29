import { createCipheriv, randomBytes } from 'node:crypto';

export class FieldCipher {
  private readonly iv: Buffer;

  constructor(private readonly key: Buffer) {
    this.iv = randomBytes(12);
  }

  encrypt(value: string): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, this.iv); // expect: no-iv-reuse
    return Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }

  encryptFresh(value: string): Buffer {
    const iv = Buffer.from(randomBytes(12));
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }
}
