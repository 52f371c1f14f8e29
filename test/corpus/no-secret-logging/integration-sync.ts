import { createDecipheriv } from 'node:crypto';
import type { Logger } from 'pino';
import { kms } from '../support/kms';

interface IntegrationRow {
  id: string;
  provider: string;
  accessTokenCiphertext: Buffer;
  accessTokenNonce: Buffer;
  accessTokenTag: Buffer;
}

export class IntegrationSync {
  constructor(
    private readonly log: Logger,
    private readonly dataKey: Buffer,
  ) {}

  openAccessToken(row: IntegrationRow): string {
    const decipher = createDecipheriv('aes-256-gcm', this.dataKey, row.accessTokenNonce);
    decipher.setAuthTag(row.accessTokenTag);
    const plain = Buffer.concat([decipher.update(row.accessTokenCiphertext), decipher.final()]).toString('utf8');
    this.log.debug({ integrationId: row.id, plain }, 'decrypted access token'); // expect: no-secret-logging
    this.log.debug({ integrationId: row.id, bytes: row.accessTokenCiphertext.length }, 'decrypted access token');
    return plain;
  }

  async syncOne(row: IntegrationRow): Promise<void> {
    const clientSecret = await kms.decryptField(row.id, 'client_secret');
    this.log.info({ provider: row.provider }, 'syncing integration');
    this.log.trace({ provider: row.provider, clientSecret }, 'oauth client'); // expect: no-secret-logging
    const token = this.openAccessToken(row);
    const headers = { Authorization: `Bearer ${token}` };
    this.log.debug({ headers }, 'calling provider'); // expect: no-secret-logging
    this.log.debug({ headerNames: Object.keys(headers) }, 'calling provider');
    try {
      await fetch(`https://api.example.com/${row.provider}/sync`, { headers });
    } catch (err) {
      this.log.error({ err, integrationId: row.id }, 'sync failed');
      throw new Error(`sync failed for ${row.id} with token ${token}`); // expect: no-secret-logging
    }
  }

  logRotation(row: IntegrationRow, previousKeyId: string, tokenCount: number): void {
    this.log.info({ integrationId: row.id, previousKeyId, tokenCount }, 'rotated data key');
    this.log.info({ tokenExpiresAt: new Date().toISOString() }, 'token refreshed');
  }
}
