export function setAuthCookie(token: string): void {
  document.cookie = `api_token=${token}; path=/; max-age=86400`; // expect: no-secret-in-client-storage
}

export function setSessionCookie(sessionId: string): void {
  document.cookie = 'session=' + sessionId + '; path=/; secure; samesite=strict'; // expect: no-secret-in-client-storage
}

export function setThemeCookie(theme: string): void {
  document.cookie = `theme=${theme}; path=/; max-age=31536000`;
}

export function setConsentCookie(consent: boolean): void {
  document.cookie = `cookie_consent=${consent ? 'yes' : 'no'}; path=/; samesite=lax`;
}

export function clearAuthCookie(): void {
  document.cookie = 'api_token=; path=/; max-age=0';
}

export function storeRefresh(refreshToken: string): void {
  document.cookie = `rt=${encodeURIComponent(refreshToken)}; path=/auth`; // expect: no-secret-in-client-storage
}

export function setJwtCookie(jwt: string): void {
  window.document.cookie = 'jwt=' + jwt + ';path=/;SameSite=Lax'; // expect: no-secret-in-client-storage
}
