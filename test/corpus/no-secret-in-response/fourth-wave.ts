import type { FastifyInstance } from 'fastify';
import type { Context } from 'koa';
import jwt from 'jsonwebtoken';
import { db } from '../support/db';
import { kms } from '../support/kms';

export default async function routes(fastify: FastifyInstance) {
  fastify.get<{ Params: { id: string } }>('/apps/:id/secret', async (request, reply) => {
    const app = await db.apps.find(request.params.id);
    return reply.send({ clientId: app.clientId, clientSecret: app.clientSecret }); // expect: no-secret-in-response
  });

  fastify.get<{ Params: { id: string } }>('/keys/:id', async (request, reply) => {
    const row = await db.keys.find(request.params.id);
    return reply.send({ id: row.id, key: await kms.decrypt(row.keyCiphertext) }); // expect: no-secret-in-response
  });

  fastify.post<{ Body: { email: string } }>('/signup', async (request, reply) => {
    const user = await db.users.create(request.body.email);
    const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET!, { expiresIn: '1h' });
    return reply.code(201).send({ id: user.id, token });
  });
}

export async function webhookConfig(ctx: Context) {
  ctx.body = { secret: process.env.STRIPE_WEBHOOK_SECRET }; // expect: no-secret-in-response
}

export async function webhookConfigured(ctx: Context) {
  ctx.body = { configured: Boolean(process.env.STRIPE_WEBHOOK_SECRET) };
}
