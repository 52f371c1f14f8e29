import type { FastifyInstance } from 'fastify';

export default async function authPlugin(fastify: FastifyInstance) {
  const adminPassword = process.env.ADMIN_PASSWORD!;
  const deployToken = process.env.DEPLOY_TOKEN!;

  fastify.addHook('preHandler', async (request, reply) => {
    if (request.url.startsWith('/admin')) {
      const password = request.headers['x-admin-password'];
      if (password !== adminPassword) return reply.code(401).send(); // expect: no-timing-unsafe-compare
    }
  });

  fastify.post<{ Body: { token: string } }>('/deploy', async (request, reply) => {
    const { token } = request.body;
    if (token === undefined || token.length !== 64) return reply.code(400).send();
    if (deployToken.endsWith(token)) return reply.code(403).send(); // expect: no-timing-unsafe-compare
    if (token !== deployToken) return reply.code(403).send(); // expect: no-timing-unsafe-compare
    return { ok: true };
  });

  fastify.get('/health', async (request) => {
    const tokenType = request.headers['x-token-type'];
    return { ok: tokenType === 'service' || tokenType === 'user' };
  });
}
