import type { FastifyInstance } from 'fastify';
import jwt from 'jsonwebtoken';

interface UserRow {
  id: string;
  email: string;
  passwordHash: string;
  totpSecret: string | null;
  tokenExpiresAt: Date | null;
}

declare function loadUser(id: string): Promise<UserRow>;

export default async function routes(fastify: FastifyInstance) {
  fastify.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const user = await loadUser(request.params.id);
    return reply.send({ id: user.id, email: user.email, totpSecret: user.totpSecret }); // expect: no-secret-in-response
  });

  fastify.get<{ Params: { id: string } }>('/users/:id/security', async (request) => {
    const user = await loadUser(request.params.id);
    return { id: user.id, mfaEnabled: user.totpSecret !== null, tokenExpiresAt: user.tokenExpiresAt };
  });

  fastify.get<{ Params: { id: string } }>('/users/:id/hash', async (request) => {
    const user = await loadUser(request.params.id);
    return { hashedPassword: user.passwordHash }; // expect: no-secret-in-response
  });

  fastify.post<{ Body: { email: string } }>('/token', async (request, reply) => {
    const accessToken = jwt.sign({ sub: request.body.email }, process.env.JWT_SECRET!, { expiresIn: '15m' });
    return reply.send({ accessToken, tokenType: 'Bearer', expiresIn: 900 });
  });

  fastify.get('/env', async (_request, reply) => {
    return reply.send({ databaseUrl: process.env.DATABASE_URL }); // expect: no-secret-in-response
  });
}
