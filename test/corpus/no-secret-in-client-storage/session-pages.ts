import { persistToken, save, storage } from './lib/browser-store.js';

interface LoginResponse {
  token: string;
  refreshToken: string;
  user: { id: string; name: string };
}

export async function signIn(email: string, password: string): Promise<void> {
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  const { token, refreshToken, user }: LoginResponse = await res.json();
  save('token', token); // expect-typed: no-secret-in-client-storage
  storage.set('refresh', refreshToken); // expect-typed: no-secret-in-client-storage
  persistToken(token);
  save('theme', 'dark');
  storage.set('profile', { id: user.id, name: user.name });
}
