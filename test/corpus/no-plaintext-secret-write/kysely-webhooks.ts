// Kysely: webhook endpoints, signing secrets and SCIM tokens.
import { randomBytes, createHmac } from 'node:crypto';
import { db } from '../support/kysely';
import { decrypt } from '../support/kms';
import { hashApiToken } from '../support/api-tokens';

export async function createEndpoint(orgId: string, url: string) {
  const signing_secret = `whsec_${randomBytes(24).toString('base64')}`;
  await db.insertInto('webhook_endpoints').values({ org_id: orgId, url, signing_secret }).execute(); // expect: no-plaintext-secret-write
  return signing_secret;
}

export async function issueScimToken(orgId: string) {
  const scimToken = randomBytes(32).toString('hex');
  await db
    .updateTable('organizations')
    .set({ scim_token: scimToken }) // expect: no-plaintext-secret-write
    .where('id', '=', orgId)
    .execute();
  return scimToken;
}

export async function migrateLegacySecret(orgId: string, ciphertext: string) {
  const clientSecret = await decrypt(ciphertext);
  await db.updateTable('organizations').set({ client_secret: clientSecret }).where('id', '=', orgId).execute(); // expect: no-plaintext-secret-write
}

export async function copyPartnerKey(orgId: string) {
  await db.insertInto('partner_keys').values({ org_id: orgId, api_key: process.env.PARTNER_API_KEY }).execute(); // expect: no-plaintext-secret-write
}

// Look-alikes.

export async function createEndpointHmac(orgId: string, url: string, pepper: string) {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  await db
    .insertInto('webhook_endpoints')
    .values({ org_id: orgId, url, secret_hmac: createHmac('sha256', pepper).update(secret).digest('hex') })
    .execute();
  return secret;
}

export async function issueHashedScimToken(orgId: string) {
  const scimToken = randomBytes(32).toString('hex');
  await db.updateTable('organizations').set({ scim_token: await hashApiToken(scimToken) }).where('id', '=', orgId).execute();
  return scimToken;
}

export async function disableEndpoint(id: string) {
  await db.updateTable('webhook_endpoints').set({ disabled_at: new Date(), secret_rotated: false }).where('id', '=', id).execute();
}
