import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface AuthState {
  token: string | null;
  setToken: (token: string) => void;
}

export const useAuthStore = create<AuthState>()(
  persist((set) => ({ token: null, setToken: (token) => set({ token }) }), { name: 'auth-storage' }), // expect: no-secret-in-client-storage
);

export function saveScopedToken(prefix: string, token: string): void {
  localStorage.setItem(`${prefix}:token`, token); // expect: no-secret-in-client-storage
}

export function saveOauthState(state: string, codeVerifier: string): void {
  sessionStorage.setItem('oauth_state', state);
  sessionStorage.setItem('pkce_code_verifier', codeVerifier);
}
