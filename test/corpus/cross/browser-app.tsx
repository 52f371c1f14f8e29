import { useState } from 'react';

const API_BASE = import.meta.env.VITE_API_BASE ?? 'http://localhost:8080';
const SUPPORT_API_KEY = 'Wd8Fg7Hj6Kl5Zx4Cv3Bn2Mq1'; // expect: no-hardcoded-secret
const MAPS_PUBLIC_KEY = import.meta.env.VITE_MAPS_PUBLIC_KEY;

export function LoginForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit() {
    const res = await fetch(`${API_BASE}/auth/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
    const { accessToken, refreshToken } = (await res.json()) as { accessToken: string; refreshToken: string };
    console.log('logged in', accessToken); // expect-strict: no-secret-logging
    console.log('logged in as', email);
    localStorage.setItem('refreshToken', refreshToken); // expect: no-secret-in-client-storage
    localStorage.setItem('lastEmail', email);
    document.cookie = `token=${accessToken}; path=/`; // expect: no-secret-in-client-storage
  }

  return (
    <form onSubmit={submit}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <span data-maps-key={MAPS_PUBLIC_KEY} data-support={SUPPORT_API_KEY.length} />
    </form>
  );
}
