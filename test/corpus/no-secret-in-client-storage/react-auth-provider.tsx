import { createContext, useEffect, useState, type ReactNode } from 'react';

interface AuthState {
  accessToken: string | null;
  userName: string | null;
}

const AuthContext = createContext<AuthState>({ accessToken: null, userName: null });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ accessToken: null, userName: null });

  useEffect(() => {
    if (state.accessToken) localStorage.setItem('auth.accessToken', state.accessToken); // expect: no-secret-in-client-storage
    if (state.userName) localStorage.setItem('auth.userName', state.userName);
  }, [state]);

  async function signIn(email: string, password: string) {
    const res = await fetch('/api/auth', { method: 'POST', body: JSON.stringify({ email, password }) });
    const { access_token, name } = (await res.json()) as { access_token: string; name: string };
    sessionStorage.setItem('token', access_token); // expect: no-secret-in-client-storage
    sessionStorage.setItem('greeting', `Hello ${name}`);
    setState({ accessToken: access_token, userName: name });
  }

  return <AuthContext.Provider value={state}>{children}<button onClick={() => signIn('a', 'b')}>Sign in</button></AuthContext.Provider>;
}
