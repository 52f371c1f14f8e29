// API keys and personal access tokens in a Next.js app on Prisma.
import { createHash, randomBytes } from 'node:crypto';
import { nanoid } from 'nanoid';
import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from '../support/prisma';
import { getSession } from '../support/session';

function generateKey(prefix: string) {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

function sha256Hex(value: string) {
  return createHash('sha256').update(value).digest('hex');
}

export async function POST(req: NextRequest) {
  const session = await getSession(req);
  const { name } = await req.json();
  const apiKey = generateKey('sk_live');
  await prisma.apiKey.create({
    data: {
      name,
      userId: session.userId,
      key: apiKey, // expect: no-plaintext-secret-write
      start: apiKey.slice(0, 8),
    },
  });
  return NextResponse.json({ apiKey }, { status: 201 });
}

export async function createPersonalAccessToken(userId: string, label: string) {
  const token = `pat_${nanoid(40)}`;
  await prisma.personalAccessToken.create({ data: { userId, label, token } }); // expect: no-plaintext-secret-write
  return token;
}

export async function rotateWorkspaceKey(workspaceId: string) {
  const secretKey = randomBytes(32).toString('hex');
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { secretKey, rotatedAt: new Date() }, // expect: no-plaintext-secret-write
  });
  return secretKey;
}

export async function createProjectWithKeys(ownerId: string, name: string) {
  return prisma.project.create({
    data: {
      name,
      ownerId,
      apiKeys: {
        create: [{ label: 'default', key: generateKey('pk') }], // expect: no-plaintext-secret-write
      },
    },
  });
}

export async function upsertIngestToken(projectId: string) {
  const ingestToken = crypto.randomUUID();
  await prisma.ingestSettings.upsert({
    where: { projectId },
    create: { projectId, ingestToken }, // expect: no-plaintext-secret-write
    update: { ingestToken }, // expect: no-plaintext-secret-write
  });
}

export async function seedServiceAccounts(names: string[]) {
  await prisma.serviceAccount.createMany({
    data: names.map((name) => ({ name })),
  });
}

export async function issueDeployToken(siteId: string) {
  const deployToken = `dt_${randomBytes(20).toString('hex')}`;
  await prisma.site.update({ where: { id: siteId }, data: { deployToken } }); // expect: no-plaintext-secret-write
  return deployToken;
}

// Look-alikes: hashed keys, prefixes, row ids, reads.

export async function createHashedKey(userId: string) {
  const apiKey = generateKey('sk_live');
  await prisma.apiKey.create({
    data: { userId, hashedKey: sha256Hex(apiKey), start: apiKey.slice(0, 8), lastFour: apiKey.slice(-4) },
  });
  return apiKey;
}

export async function createHashedToken(userId: string) {
  const token = `pat_${nanoid(40)}`;
  const tokenHash = sha256Hex(token);
  await prisma.personalAccessToken.create({ data: { userId, tokenHash } });
  return token;
}

export async function createEvent(userId: string) {
  await prisma.auditEvent.create({ data: { id: crypto.randomUUID(), userId, action: 'api_key.created' } });
}

export async function findByKey(key: string) {
  return prisma.apiKey.findUnique({ where: { hashedKey: sha256Hex(key) } });
}

export async function revokeKey(id: string) {
  await prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date(), keyId: id } });
}
