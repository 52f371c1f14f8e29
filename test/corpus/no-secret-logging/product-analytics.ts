import { PostHog } from 'posthog-node';
import { Analytics } from '@segment/analytics-node';
import * as amplitude from '@amplitude/analytics-node';
import Bugsnag from '@bugsnag/js';
import Rollbar from 'rollbar';
import newrelic from 'newrelic';

const posthog = new PostHog(process.env.POSTHOG_PROJECT_KEY ?? '', { host: 'https://eu.posthog.com' });
const segment = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });
const rollbar = new Rollbar({ accessToken: process.env.ROLLBAR_SERVER_TOKEN, captureUncaught: true });

export interface ApiKeyRecord {
  id: string;
  workspaceId: string;
  prefix: string;
  secret: string;
}

export interface SignupInput {
  email: string;
  password: string;
  plan: 'free' | 'pro';
}

export function trackApiKeyCreated(userId: string, key: ApiKeyRecord): void {
  posthog.capture({ distinctId: userId, event: 'api_key_created', properties: { keyId: key.id, prefix: key.prefix } });
  posthog.capture({ distinctId: userId, event: 'api_key_created_debug', properties: { apiKey: key.secret } }); // expect: no-secret-logging
  segment.track({ userId, event: 'API Key Created', properties: { workspaceId: key.workspaceId } });
}

export function identifySignup(userId: string, input: SignupInput): void {
  segment.identify({ userId, traits: { email: input.email, plan: input.plan } });
  segment.identify({ userId, traits: { email: input.email, password: input.password } }); // expect: no-secret-logging
  amplitude.track('Signed Up', { plan: input.plan }, { user_id: userId });
}

export function recordOAuthLink(userId: string, provider: string, accessToken: string, refreshToken: string): void {
  amplitude.track('Account Linked', { provider }, { user_id: userId });
  amplitude.track('Account Linked (debug)', { provider, accessToken }, { user_id: userId }); // expect: no-secret-logging
  newrelic.addCustomAttribute('oauth.provider', provider);
  newrelic.addCustomAttribute('oauth.refresh', refreshToken); // expect: no-secret-logging
}

export async function reportWebhookFailure(error: Error, endpoint: string, signingSecret: string): Promise<void> {
  Bugsnag.leaveBreadcrumb('webhook delivery failed', { endpoint });
  Bugsnag.addMetadata('webhook', { endpoint, signingSecret }); // expect: no-secret-logging
  rollbar.error(error, { endpoint });
  rollbar.warning('webhook retry scheduled', { endpoint, secret: signingSecret }); // expect: no-secret-logging
  newrelic.noticeError(error, { endpoint, attempts: 3 });
}

export function trackSessionRefresh(userId: string, session: { id: string; token: string; expiresAt: Date }): void {
  segment.track({ userId, event: 'Session Refreshed', properties: { sessionId: session.id, expiresAt: session.expiresAt } });
  segment.track({ userId, event: 'Session Refreshed', properties: { token: session.token } }); // expect: no-secret-logging
}

export async function shutdown(): Promise<void> {
  await posthog.shutdown();
  await segment.closeAndFlush();
}
