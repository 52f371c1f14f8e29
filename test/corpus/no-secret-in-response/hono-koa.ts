import { Hono } from 'hono';
import Router from '@koa/router';
import { db } from '../support/db';

export const app = new Hono();

app.get('/customers/:id', async (c) => {
  const customer = await db.customers.find(c.req.param('id'));
  return c.json({ id: customer.id, stripeSecretKey: customer.stripeSecretKey }); // expect: no-secret-in-response
});

app.get('/customers/:id/summary', async (c) => {
  const customer = await db.customers.find(c.req.param('id'));
  return c.json({ id: customer.id, stripeConnected: customer.stripeSecretKey != null });
});

app.get('/whoami', (c) => c.text(`authorization: ${c.req.header('authorization')}`)); // expect: no-secret-in-response

export const router = new Router();

router.get('/devices/:id', async (ctx) => {
  const device = await db.devices.find(ctx.params.id);
  ctx.body = { id: device.id, pushToken: device.pushToken }; // expect: no-secret-in-response
});

router.get('/devices/:id/public', async (ctx) => {
  const device = await db.devices.find(ctx.params.id);
  ctx.body = { id: device.id, publicKey: device.publicKey, lastSeenAt: device.lastSeenAt };
});

router.get('/admin/smtp', async (ctx) => {
  const config = await db.smtp.get();
  ctx.body = `smtp://${config.user}:${config.password}@${config.host}`; // expect: no-secret-in-response
});
