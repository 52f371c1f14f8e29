import { describe, expect, it } from 'vitest';
import {
  formatReport,
  runConformance,
  type AdapterContext,
  type AdapterFactory,
  type StoreAdapter,
} from '../src/index.js';
import { describeStores } from './broken-stores.js';
import { storePath, useEmbeddedServer } from './helpers.js';

describeStores('the broken stores for audit-trail', ['broken-audit-mutable', 'broken-audit-leaks-secret']);

interface ReferenceModule {
  ReferenceStore: new (context: AdapterContext) => StoreAdapter;
  AuditedReferenceStore: new (
    context: AdapterContext,
  ) => StoreAdapter & { pool: AdapterContext['pool']; auditTable: string };
}

const reference = (): Promise<ReferenceModule> => import(storePath('reference')) as Promise<ReferenceModule>;

describe('audit-trail', () => {
  const server = useEmbeddedServer();
  const run = async (adapter: string | AdapterFactory) => {
    const result = await runConformance({ adapter, server: server(), checks: ['audit-trail'], seed: 7 });
    return result.checks[0]!;
  };

  it('passes the reference store: one event per operation, no secret, rows the application role cannot alter', async () => {
    const check = await run(storePath('reference'));
    expect(check.failures).toEqual([]);
    expect(check.status).toBe('pass');
  });

  it('reports a store without an audit trail as not proven, apart from pass and fail in every format, without failing the run', async () => {
    const result = await runConformance({
      adapter: storePath('broken-static-iv'),
      server: server(),
      checks: ['audit-trail', 'deletion'],
    });
    // Checks run in registry order: deletion first.
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['deletion', 'pass'],
      ['audit-trail', 'not-proven'],
    ]);
    expect(result.checks[1]!.notes.join()).toContain('declares no audit trail');
    expect(result.passed).toBe(true);
    expect(formatReport(result, 'table')).toMatch(/^pass +deletion .*\n^not proven +audit-trail /m);
    expect(formatReport(result, 'table')).toContain('1 checks passed, 1 not proven');
    expect(formatReport(result, 'markdown')).toMatch(/^## secret-hygiene conformance: passed, 1 not proven$/m);
    expect(formatReport(result, 'markdown')).toContain('| ⚠️ not proven | `audit-trail` |');
    expect(formatReport(result, 'junit')).toMatch(
      /skipped="1"[^]*name="audit-trail"[^>]*>\s*<skipped message="not proven: /,
    );
    expect(JSON.parse(formatReport(result, 'json')).checks.map((c: { status: string }) => c.status)).toEqual([
      'pass',
      'not-proven',
    ]);
    expect(formatReport(result, 'html')).toContain('<span class="status not-proven">not proven</span>');
  });

  it('fails a store whose application role may rewrite and delete audit rows', async () => {
    const check = await run(storePath('broken-audit-mutable'));
    expect(check.status).toBe('fail');
    expect(check.failures.join()).toMatch(/application role secret_store_app can UPDATE, DELETE, TRUNCATE audit rows/);
  });

  it('fails a store that sends the secret to its audit service, naming where', async () => {
    const check = await run(storePath('broken-audit-leaks-secret'));
    expect(check.status).toBe('fail');
    expect(check.failures.join()).toMatch(/secret in the audit trail: 4 secrets .* in audit events \(raw\)/);
  });

  it('fails a store that does not record reveals, and one that records a write twice', async () => {
    const { AuditedReferenceStore, ReferenceStore } = await reference();
    const silentReads: AdapterFactory = (context) => {
      const store = new AuditedReferenceStore(context);
      store.get = (owner, name) => ReferenceStore.prototype.get.call(store, owner, name);
      return store;
    };
    const silent = await run(silentReads);
    expect(silent.failures.join()).toMatch(
      /reveal of alice\/audited-one by \S+: no event; reveal of bob\/audited-two by \S+: no event/,
    );

    const twice: AdapterFactory = (context) => {
      const store = new AuditedReferenceStore(context);
      const put = store.put.bind(store);
      store.put = async (owner, name, secret) => {
        await put(owner, name, secret);
        await store.pool.query(
          `INSERT INTO ${store.auditTable} (actor, action, owner, name) VALUES ($1, 'update', $2, $3)`,
          [context.applicationName, owner, name],
        );
      };
      return store;
    };
    const doubled = await run(twice);
    expect(doubled.failures.join()).toMatch(/update of alice\/audited-one by \S+: 2 events/);
  });

  it('fails a store that keeps the request, secret included, in its audit rows', async () => {
    const { AuditedReferenceStore } = await reference();
    const detailed: AdapterFactory = (context) => {
      const store = new AuditedReferenceStore(context);
      const setup = store.setup.bind(store);
      const put = store.put.bind(store);
      store.setup = async () => {
        await setup();
        await store.pool.query(`ALTER TABLE ${store.auditTable} ADD COLUMN IF NOT EXISTS detail jsonb`);
      };
      store.put = async (owner, name, secret) => {
        await put(owner, name, secret);
        await store.pool.query(
          `UPDATE ${store.auditTable} SET detail = $3 WHERE id = (SELECT max(id) FROM ${store.auditTable} WHERE owner = $1 AND name = $2)`,
          [owner, name, { request: { value: secret } }],
        );
      };
      return store;
    };
    const check = await run(detailed);
    expect(check.failures).toEqual([
      expect.stringMatching(/^secret in the audit trail: 4 secrets \(.*\) in audit table secrets_audit \(raw\)$/),
    ]);
  });

  it('fails a store whose events name someone else as the actor', async () => {
    const { AuditedReferenceStore } = await reference();
    const wrongActor: AdapterFactory = (context) => {
      const store = new AuditedReferenceStore(context);
      (store as unknown as { actor: string }).actor = 'system';
      return store;
    };
    const check = await run(wrongActor);
    expect(check.failures.join()).toMatch(/create of alice\/audited-one by \S+: recorded, but naming actor "system"/);
  });
});
