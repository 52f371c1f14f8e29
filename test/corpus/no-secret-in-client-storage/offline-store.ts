import { set } from 'idb-keyval';
import localforage from 'localforage';

interface Credentials {
  apiKey: string;
  userId: string;
}

export async function cacheCredentials(credentials: Credentials): Promise<void> {
  await set('apiKey', credentials.apiKey); // expect: no-secret-in-client-storage
  await localforage.setItem('credentials', credentials); // expect: no-secret-in-client-storage
  await localforage.setItem('userId', credentials.userId);
  await set('draft-count', 3);
}

export function putInDb(db: IDBDatabase, refreshToken: string, profile: { name: string }): void {
  const tx = db.transaction('auth', 'readwrite');
  tx.objectStore('auth').put({ refreshToken }, 'current'); // expect: no-secret-in-client-storage
  db.transaction('profile', 'readwrite').objectStore('profile').put(profile, 'me');
}
