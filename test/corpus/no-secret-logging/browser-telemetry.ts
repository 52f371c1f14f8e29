import posthog from 'posthog-js';
import mixpanel from 'mixpanel-browser';
import LogRocket from 'logrocket';
import { datadogRum } from '@datadog/browser-rum';
import { datadogLogs } from '@datadog/browser-logs';
import Honeybadger from '@honeybadger-io/js';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  apiToken: string;
}

export function startMonitoring(user: CurrentUser): void {
  posthog.identify(user.id, { email: user.email, name: user.name });
  mixpanel.identify(user.id);
  mixpanel.people.set({ $email: user.email, $name: user.name });
  LogRocket.identify(user.id, { email: user.email, name: user.name });
  datadogRum.setUser({ id: user.id, email: user.email });
  Honeybadger.setContext({ user_id: user.id, user_email: user.email });
}

export function startMonitoringLeaky(user: CurrentUser): void {
  posthog.identify(user.id, { email: user.email, apiToken: user.apiToken }); // expect: no-secret-logging
  mixpanel.people.set({ $email: user.email, api_token: user.apiToken }); // expect: no-secret-logging
  LogRocket.identify(user.id, { name: user.name, apiToken: user.apiToken }); // expect: no-secret-logging
  datadogRum.setGlobalContextProperty('api_token', user.apiToken); // expect: no-secret-logging
  Honeybadger.setContext({ user_id: user.id, token: user.apiToken }); // expect: no-secret-logging
}

export function onLogin(email: string, password: string, accessToken: string): void {
  mixpanel.track('Login', { email });
  mixpanel.track('Login attempt', { email, password }); // expect: no-secret-logging
  datadogLogs.logger.info('login succeeded', { email });
  datadogLogs.logger.info('login succeeded', { email, accessToken }); // expect: no-secret-logging
  datadogRum.addAction('login', { email, hasToken: Boolean(accessToken) });
  LogRocket.track('Login', { email });
  LogRocket.log('login token', accessToken); // expect: no-secret-logging
}

export function onPasswordResetRequested(email: string, resetToken: string): void {
  posthog.capture('password_reset_requested', { email });
  posthog.capture('password_reset_requested', { email, resetToken }); // expect: no-secret-logging
  Honeybadger.addBreadcrumb('password reset requested', { metadata: { email } });
}

/** A wrapper loaded as a global script: only its name says what it is. */
declare const analytics: { track(event: string, properties?: Record<string, unknown>): void };

export function onApiKeyCopied(workspaceId: string, apiKey: string): void {
  analytics.track('API Key Copied', { workspaceId });
  analytics.track('API Key Copied', { workspaceId, apiKey }); // expect-strict: no-secret-logging
}
