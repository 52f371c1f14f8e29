import Stripe from 'stripe';
import axios from 'axios';

export class PaymentsClient {
  private readonly apiKey = 'Hk3nP0aQ7zT1xWe5rY8uLm2V'; // expect: no-hardcoded-secret
  private readonly baseUrl = 'https://api.payments.example.com/v2';
  private readonly timeoutMs = 10_000;

  constructor(private readonly accountId: string, webhookSecret = 'Wq7nR2kP9vLz4XsT3bYd') { // expect: no-hardcoded-secret
    void webhookSecret;
  }

  async charge(amount: number) {
    return axios.post(`${this.baseUrl}/charges`, { amount, account: this.accountId }, {
      headers: { 'X-Api-Key': this.apiKey, 'Content-Type': 'application/json' },
    });
  }
}

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });
export const legacyStripe = new Stripe('sk_live_CorpusFakeKey00000000000000', { apiVersion: '2024-06-20' }); // expect: no-hardcoded-secret

export const publishableKey = 'pk_live_CorpusFakeKey00000000000000';

export function partnerHeaders(): Headers {
  const headers = new Headers();
  headers.set('Accept', 'application/json');
  headers.set('X-Api-Key', 'b7Qz1Lp9XvT4mK2sN8wR5yHc'); // expect: no-hardcoded-secret
  headers.set('X-Request-Id', crypto.randomUUID());
  return headers;
}
