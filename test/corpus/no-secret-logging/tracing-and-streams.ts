import tracer from 'dd-trace';
import { trace } from '@opentelemetry/api';

tracer.init({ service: 'billing-api' });

export interface ChargeRequest {
  customerId: string;
  amount: number;
  stripeKey: string;
  headers: Record<string, string>;
}

export async function charge(request: ChargeRequest): Promise<void> {
  const activeSpan = tracer.scope().active();
  activeSpan?.setTag('customer.id', request.customerId);
  activeSpan?.setTag('stripe.key', request.stripeKey); // expect: no-secret-logging
  activeSpan?.addTags({ amount: request.amount, customer: request.customerId });
  tracer.trace('charge.provider', (span) => {
    span.setTag('provider', 'stripe');
    span.addTags({ 'provider.key': request.stripeKey }); // expect: no-secret-logging
  });
  trace.getActiveSpan()?.setAttribute('billing.amount', request.amount);
}

export function printDiagnostics(databaseUrl: string, region: string, activeTokens: number): void {
  process.stdout.write(`region ${region}\n`);
  process.stdout.write(`database ${databaseUrl}\n`); // expect: no-secret-logging
  process.stderr.write(`active tokens: ${activeTokens}\n`);
}

export function printAuthFailure(authorization: string | undefined, refreshToken: string): void {
  process.stderr.write(`auth failed, header present: ${authorization !== undefined}\n`);
  process.stderr.write(`auth failed with ${authorization}\n`); // expect: no-secret-logging
  const err = process.stderr;
  err.write(`refresh token rejected: ${refreshToken}\n`); // expect: no-secret-logging
}
