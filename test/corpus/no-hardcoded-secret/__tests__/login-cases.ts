import { describe, expect, it } from 'vitest';
import { login } from '../../support/auth';

const TEST_PASSWORD = 'Corr3ct-H0rse-Battery';
const apiKey = 'test-Kq8Lw2Xz7Vp4Rt9N';

describe('login', () => {
  it('accepts the right password', async () => {
    const password = 'Tr0ub4dor&3-fixture';
    await expect(login('a@example.com', password)).resolves.toBeTruthy();
    await expect(login('a@example.com', TEST_PASSWORD)).resolves.toBeTruthy();
  });

  it('uses the api key', () => {
    expect(apiKey).toHaveLength(20);
  });

  it('rejects a leaked AWS key in config', () => {
    const leaked = { accessKeyId: 'AKIAGN2IKG5ILFH5OWUB' }; // expect: no-hardcoded-secret
    expect(() => login(leaked.accessKeyId, 'x')).toThrow();
  });
});
