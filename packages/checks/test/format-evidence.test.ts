import { describe, expect, it } from 'vitest';
import { detectSecretLiteral, explainSecretValue, formatEvidence } from '../src/literals/index.js';

const evidence = (value: string) => {
  const match = detectSecretLiteral(value);
  if (!match) throw new Error('no format found');
  return formatEvidence(match, value);
};

describe('explainSecretValue on URLs', () => {
  it('a host and a readable path are no secret; a random path segment or query value is', () => {
    expect(explainSecretValue('https://neo4j.com/')).toBeUndefined();
    expect(explainSecretValue('mongodb://127.0.0.1')).toBeUndefined();
    expect(explainSecretValue('https://api.example.com/v1/users?page=2')).toBeUndefined();
    expect(
      explainSecretValue('https://discord.com/api/webhooks/1234567890/q8Xv2LmN9pRt4sKw7YzHk3nP0aQ7zT1x')?.basis,
    ).toBe('entropy');
    expect(explainSecretValue('https://hooks.acme.io/hook?token=q8Xv2LmN9pRt4sKw7YzHk3nP')?.basis).toBe('entropy');
  });
});

describe('formatEvidence', () => {
  it('a provider-issued credential is live and high', () => {
    expect(evidence('AKIA' + 'Z7QK3M2XW6P4LBNT')).toEqual({ confidence: 'high', live: true });
    expect(evidence('ghp_' + 'q8Xv2LmN9pRt4sKw7YzHk3nP0aQ7zT1xWe5b')).toEqual({ confidence: 'high', live: true });
  });

  it('a vendor prefix over English words borrows the format: not live, medium', () => {
    const slack = ['xoxb', 'extremely', 'secret', 'token'].join('-');
    expect(evidence(slack)).toEqual({ confidence: 'medium', live: false });
    expect(evidence(`Bearer ${slack}`)).toEqual({ confidence: 'medium', live: false });
    // An issued token has digits or mixed case after the prefix.
    expect(evidence(['xoxb', '1234567890', '1234567890123', 'q8Xv2LmN9pRt4sKw7YzHk3nP'].join('-'))).toEqual({
      confidence: 'high',
      live: true,
    });
    expect(evidence(['xoxb', 'MnBvCxZlKj', 'PoIuYtReWq'].join('-'))).toEqual({ confidence: 'high', live: true });
  });

  it('a URL password for a local or container host is a development default', () => {
    expect(evidence('postgres://postgres:p0stgr3s@localhost:5432/logto')).toEqual({
      confidence: 'medium',
      live: false,
    });
    expect(evidence('redis://user:Pa55w0rdX@127.0.0.1:6379')).toEqual({ confidence: 'medium', live: false });
    expect(evidence('postgres://app:s3cr3tPa55@db:5432/app')).toEqual({ confidence: 'medium', live: false });
    expect(evidence('postgres://app:s3cr3tPa55@db.internal.example.net:5432/app')).toEqual({
      confidence: 'high',
      live: false,
    });
  });

  it('a JWT is a sample claim more often than a live token', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' +
      '.eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNzAwMDAwMDAwfQ' +
      '.c2lnbmF0dXJlLXE4WHYyTG1OOXBSdDRzS3c';
    expect(evidence(jwt)).toEqual({ confidence: 'medium', live: false });
  });
});
