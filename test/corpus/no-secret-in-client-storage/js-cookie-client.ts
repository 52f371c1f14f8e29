import Cookies from 'js-cookie';

const TOKEN_KEY = 'auth_token';
const THEME_KEY = 'theme';

export function saveToken(token: string): void {
  Cookies.set('token', token, { expires: 7 }); // expect: no-secret-in-client-storage
  localStorage.setItem(TOKEN_KEY, token); // expect: no-secret-in-client-storage
}

export function saveTheme(theme: string): void {
  Cookies.set('theme', theme, { expires: 365 });
  localStorage.setItem(THEME_KEY, theme);
}

export function readToken(): string | undefined {
  return Cookies.get('token');
}

export function clearToken(): void {
  Cookies.remove('token');
  localStorage.removeItem(TOKEN_KEY);
}
