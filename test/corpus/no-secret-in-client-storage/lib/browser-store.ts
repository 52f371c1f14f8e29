// Thin wrappers over web storage, used by the pages in ../session-pages.ts.
export function save(key: string, value: string): void {
  localStorage.setItem(key, value);
}

export const storage = {
  set(key: string, value: unknown): void {
    window.localStorage.setItem(key, JSON.stringify(value));
  },
  get<T>(key: string): T | undefined {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  },
};

export function persistToken(token: string): void {
  sessionStorage.setItem('auth', token); // expect: no-secret-in-client-storage
}
