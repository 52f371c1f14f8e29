interface OAuthTokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  expires_in: number;
}

export function persistTokens(tokens: OAuthTokens): void {
  globalThis.localStorage.setItem('oauth', JSON.stringify(tokens)); // expect: no-secret-in-client-storage
  localStorage.setItem('oauth_expires_in', String(tokens.expires_in));
  localStorage.setItem('id_token', tokens.id_token); // expect: no-secret-in-client-storage
}

export function persistCsrf(csrfToken: string): void {
  sessionStorage.setItem('csrf', csrfToken); // expect: no-secret-in-client-storage
}

export function persistSessionId(sessionId: string): void {
  window.sessionStorage.setItem('sessionId', sessionId); // expect: no-secret-in-client-storage
}

export function persistFeatureFlags(flags: Record<string, boolean>): void {
  localStorage.setItem('flags', JSON.stringify(flags));
}

export function persistMaskedCard(last4: string): void {
  localStorage.setItem('cardLast4', last4);
}
