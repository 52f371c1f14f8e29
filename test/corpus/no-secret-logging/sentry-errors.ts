import * as Sentry from '@sentry/node';
import { trace } from '@opentelemetry/api';

export interface PaymentRequest {
  customerId: string;
  cardNumber: string;
  apiKey: string;
}

const tracer = trace.getTracer('payments');

export async function charge(request: PaymentRequest): Promise<void> {
  Sentry.setTag('customer', request.customerId);
  Sentry.setExtra('apiKey', request.apiKey); // expect: no-secret-logging
  Sentry.addBreadcrumb({ category: 'payments', message: `charging ${request.customerId}` });
  const span = tracer.startSpan('charge');
  span.setAttribute('customer.id', request.customerId);
  span.setAttribute('payments.api_key', request.apiKey); // expect: no-secret-logging
  try {
    await callProvider(request);
  } catch (error) {
    Sentry.captureException(error, { tags: { customer: request.customerId } });
    Sentry.setContext('payment', { customerId: request.customerId, apiKey: request.apiKey }); // expect: no-secret-logging
    throw error;
  } finally {
    span.end();
  }
}

export function reportLoginFailure(username: string, password: string): void {
  Sentry.captureMessage(`login failed for ${username}`);
  Sentry.captureMessage(`login failed for ${username} / ${password}`); // expect: no-secret-logging
  Sentry.setUser({ username });
}

export function reportSessionError(sessionToken: string, reason: string): void {
  Sentry.withScope((scope) => {
    scope.setTag('reason', reason);
    scope.setExtra('session', sessionToken); // expect: no-secret-logging
    scope.setExtra('sessionTokenLength', sessionToken.length);
    Sentry.captureMessage('session rejected');
  });
}

declare function callProvider(request: PaymentRequest): Promise<void>;
