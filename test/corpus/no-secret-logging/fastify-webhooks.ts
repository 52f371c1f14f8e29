import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';

const app = Fastify({ logger: true });
const webhookSecret = process.env.WEBHOOK_SIGNING_SECRET!;

app.post('/webhooks/github', async (request: FastifyRequest, reply: FastifyReply) => {
  const signature = request.headers['x-hub-signature-256'] as string | undefined;
  request.log.info({ event: request.headers['x-github-event'] }, 'webhook received');
  request.log.debug({ signature }, 'webhook signature');
  const expected = 'sha256=' + createHmac('sha256', webhookSecret).update(JSON.stringify(request.body)).digest('hex');
  request.log.debug(`expected ${expected} using secret ${webhookSecret}`); // expect: no-secret-logging
  if (!signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    request.log.warn({ delivery: request.headers['x-github-delivery'] }, 'bad webhook signature');
    return reply.code(401).send();
  }
  return reply.code(204).send();
});

app.post('/integrations/:id/token', async (request: FastifyRequest<{ Params: { id: string }; Body: { apiKey: string } }>, reply) => {
  const { apiKey } = request.body;
  reply.log.info({ integration: request.params.id, apiKeyPrefix: apiKey.slice(0, 4) }, 'api key rotated');
  reply.log.info({ integration: request.params.id, apiKey }, 'api key rotated'); // expect: no-secret-logging
  app.log.info({ integration: request.params.id }, 'integration updated');
  return reply.send({ ok: true });
});

app.addHook('onRequest', async (request) => {
  const authorization = request.headers.authorization ?? '';
  request.log.trace({ hasAuth: authorization.length > 0 }, 'auth header');
  const bearer = authorization.replace(/^Bearer /, '');
  app.log.trace('bearer: %s', bearer); // expect: no-secret-logging
});

export default app;
