interface LoginResult {
  accessToken: string;
  refreshToken: string;
  user: { id: string; displayName: string; locale: string };
  expiresAt: number;
}

export async function login(email: string, password: string): Promise<LoginResult> {
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  const session = (await res.json()) as LoginResult;
  localStorage.setItem('accessToken', session.accessToken); // expect: no-secret-in-client-storage
  localStorage.setItem('refresh_token', session.refreshToken); // expect: no-secret-in-client-storage
  localStorage.setItem('displayName', session.user.displayName);
  localStorage.setItem('locale', session.user.locale);
  localStorage.setItem('tokenExpiresAt', String(session.expiresAt));
  sessionStorage.setItem('auth', JSON.stringify(session)); // expect: no-secret-in-client-storage
  sessionStorage.setItem('lastUserId', session.user.id);
  return session;
}

export function rememberToken(token: string): void {
  window.localStorage.setItem('jwt', token); // expect: no-secret-in-client-storage
  localStorage.token = token; // expect: no-secret-in-client-storage
  localStorage['apiKey'] = token; // expect: no-secret-in-client-storage
}

export function logout(): void {
  localStorage.removeItem('accessToken');
  localStorage.removeItem('jwt');
  sessionStorage.clear();
}

export function readToken(): string | null {
  return localStorage.getItem('accessToken');
}

export function savePreferences(theme: 'light' | 'dark', sidebarOpen: boolean): void {
  localStorage.setItem('theme', theme);
  localStorage.setItem('sidebarOpen', JSON.stringify(sidebarOpen));
}
