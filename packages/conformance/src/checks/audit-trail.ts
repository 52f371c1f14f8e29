import type { AuditActions, AuditCallback, AuditTable } from '../adapter.js';
import type { ConformanceContext, ConformanceCheck, OpenedStore } from '../conformance-check.js';
import { quoteIdentifier as q, quoteQualified } from '../postgres/sql.js';
import { Needles } from '../search/find.js';
import { attempt, describeHits, failWith } from './util.js';

/** An audit event as the check reads it, from a table row or from the adapter's callback. */
interface ReadEvent {
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  /** False when the trail declares a time column and this row leaves it empty. */
  readonly timed: boolean;
  /** Everything the event holds, as text, for the leak search. */
  readonly text: string;
}

type Operation = keyof Required<AuditActions>;

/** An operation the check performed, which the trail must show exactly once. */
interface Performed {
  readonly store: OpenedStore;
  readonly operation: Operation;
  readonly owner: string;
  readonly name: string;
}

const isTable = (audit: AuditTable | AuditCallback): audit is AuditTable => 'table' in audit;

/** Serialises an event for the leak search; byte arrays as bytes, not as lists of numbers. */
function eventText(event: object): string {
  return JSON.stringify(event, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? Buffer.from(original).toString('latin1') : value;
  });
}

async function readTable(ctx: ConformanceContext, audit: AuditTable): Promise<ReadEvent[]> {
  const target = audit.targetColumns.map((c) => `coalesce(${q(c)}::text, '')`).join(` || ' ' || `);
  const { rows } = await ctx.admin.query<{
    actor: string | null;
    action: string | null;
    target: string | null;
    timed: boolean;
    text: string;
  }>(
    `SELECT ${q(audit.actorColumn)}::text AS actor, ${q(audit.actionColumn)}::text AS action, ${target || `''`} AS target,
            ${audit.timeColumn === undefined ? 'true' : `${q(audit.timeColumn)} IS NOT NULL`} AS timed, row_to_json(t)::text AS text
       FROM ${quoteQualified(audit.table)} AS t`,
  );
  return rows.map((r) => ({
    actor: r.actor ?? '',
    action: r.action ?? '',
    target: r.target ?? '',
    timed: r.timed,
    text: r.text,
  }));
}

async function readCallback(audit: AuditCallback): Promise<ReadEvent[]> {
  const events = await audit.events();
  return events.map((e) => ({
    actor: String(e.actor ?? ''),
    action: String(e.action ?? ''),
    target: String(e.target ?? ''),
    timed: true,
    text: eventText(e),
  }));
}

/** Events present in `after` and not in `before` (compared by their full text, as multisets). */
function added(before: readonly ReadEvent[], after: readonly ReadEvent[]): ReadEvent[] {
  const seen = new Map<string, number>();
  for (const e of before) seen.set(e.text, (seen.get(e.text) ?? 0) + 1);
  return after.filter((e) => {
    const n = seen.get(e.text) ?? 0;
    if (n === 0) return true;
    seen.set(e.text, n - 1);
    return false;
  });
}

/** Whether a target text names the secret: the owner and the name each appear as a whole word. */
function names(target: string, owner: string, name: string): boolean {
  const word = (w: string): RegExp => new RegExp(`(?<![\\w-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
  return word(owner).test(target) && word(name).test(target);
}

/** The harness's connection may not `SET ROLE` to the application role (a server where it is no superuser). */
class CannotActAs extends Error {}

/**
 * Tries, as the application role, to rewrite, delete and truncate the audit rows, each inside a
 * savepoint that is rolled back; returns what succeeded. A statement that errors, or runs but
 * changes nothing (row-level security, a trigger, a rule), protected the rows.
 * @throws {CannotActAs} when the harness's own role may not take on `role` (nothing was tested).
 */
async function tamperings(ctx: ConformanceContext, audit: AuditTable, role: string): Promise<string[]> {
  const table = quoteQualified(audit.table);
  const fingerprint = async (): Promise<string> => {
    const { rows } = await ctx.admin.query<{ f: string | null }>(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t.ctid::text || t::text, ',' ORDER BY t.ctid)), '') AS f FROM ${table} AS t`,
    );
    return rows[0]?.f ?? '';
  };
  const attempts: Array<[string, string]> = [
    ['UPDATE', `UPDATE ${table} SET ${q(audit.actionColumn)} = ${q(audit.actionColumn)}`],
    ['DELETE', `DELETE FROM ${table}`],
    ['TRUNCATE', `TRUNCATE ${table}`],
  ];
  const succeeded: string[] = [];
  await ctx.admin.query('BEGIN');
  try {
    const original = await fingerprint();
    for (const [verb, sql] of attempts) {
      await ctx.admin.query('SAVEPOINT tamper');
      const became = await attempt(() => ctx.admin.query(`SET LOCAL ROLE ${q(role)}`));
      if (!became.ok)
        throw new CannotActAs(became.error instanceof Error ? became.error.message : String(became.error));
      try {
        await ctx.admin.query(sql);
        await ctx.admin.query('RESET ROLE');
        if ((await fingerprint()) !== original) succeeded.push(verb);
      } catch {
        // Refused: the rows are protected against this statement.
      }
      await ctx.admin.query('ROLLBACK TO SAVEPOINT tamper');
    }
  } finally {
    await ctx.admin.query('ROLLBACK');
  }
  return succeeded;
}

/** Problems with the role the application uses: superuser, owner of the audit table, or able to alter its rows. */
async function roleProblems(ctx: ConformanceContext, audit: AuditTable, store: OpenedStore): Promise<string[]> {
  let role = audit.applicationRole;
  if (role === undefined) {
    const { rows } = await ctx.admin.query<{ usename: string }>(
      `SELECT usename FROM pg_stat_activity WHERE application_name = $1 AND usename IS NOT NULL LIMIT 1`,
      [store.applicationName],
    );
    role = rows[0]?.usename ?? (await ctx.admin.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    ctx.note(`no applicationRole declared: tested the role of the store's own connections (${role})`);
  }
  const { rows } = await ctx.admin.query<{ super: boolean; owns: boolean }>(
    `SELECT r.rolsuper AS super, pg_has_role(r.oid, c.relowner, 'USAGE') AS owns
       FROM pg_roles r, pg_class c WHERE r.rolname = $1 AND c.oid = $2::regclass`,
    [role, quoteQualified(audit.table)],
  );
  const found = rows[0];
  if (found === undefined) return [`the application role ${role} does not exist`];
  if (found.super)
    return [`the application role ${role} is a superuser: nothing stops it from rewriting or removing audit rows`];
  const problems: string[] = [];
  if (found.owns)
    problems.push(
      `the application role ${role} owns the audit table ${audit.table} (it can disable triggers and policies, or drop it)`,
    );
  const done = await attempt(() => tamperings(ctx, audit, role));
  if (!done.ok) {
    if (!(done.error instanceof CannotActAs)) throw done.error;
    ctx.notProven(
      `the harness could not act as the application role ${role} to try altering audit rows (${done.error.message})`,
    );
  } else if (done.value.length > 0)
    problems.push(`the application role ${role} can ${done.value.join(', ')} audit rows`);
  return problems;
}

/** Every create, update, delete and reveal is recorded once, without the secret, and the record cannot be altered by the application. */
export const auditTrail: ConformanceCheck = {
  id: 'audit-trail',
  description:
    'Creates, updates, reveals and deletes secrets through two store instances, reads the audit trail the adapter declares (a table or an events callback), searches it for the secrets, and tries to UPDATE, DELETE and TRUNCATE audit rows as the application role',
  promise:
    'Every create, update, delete and reveal leaves exactly one audit event naming actor, action and target; no event holds a secret; the application role cannot alter or remove audit rows',
  docs: {
    does: 'Through two store instances: creates three secrets, updates one, reveals two, deletes one; reads the audit trail the adapter declares, searches every event for the secrets; then, in a transaction rolled back afterwards, tries `UPDATE`, `DELETE` and `TRUNCATE` on the audit table as the application role',
    proves:
      "Each create, update, delete and reveal leaves exactly one event naming the actor (the instance's `applicationName`), the action and the target (owner and name); no event holds a secret in any spelling; the application role is no superuser, does not own the audit table and cannot alter or remove its rows (refused, or filtered away by a policy, trigger or rule: the rows are compared before and after)",
    cannotSee:
      "Whether the store really connects as the role it declares (under the harness every store connects as the server's superuser); events a callback trail keeps elsewhere cannot be tested for tampering (**not proven** unless something else fails); a store that declares no trail is **not proven**",
  },
  async run(ctx) {
    const keys = ctx.keys.material([1], 1);
    const first = await ctx.openStore(keys);
    const audit = first.adapter.audit;
    if (audit === undefined) {
      ctx.notProven('the adapter declares no audit trail (`audit`: a table or an events callback)');
      return;
    }
    const second = await ctx.openStore(keys);
    // A table is shared by every instance; callbacks report what their own instance recorded.
    const read = async (): Promise<ReadEvent[]> => {
      if (isTable(audit)) return readTable(ctx, audit);
      const perStore = await Promise.all(
        [first, second].map((s) =>
          s.adapter.audit === undefined || isTable(s.adapter.audit) ? [] : readCallback(s.adapter.audit),
        ),
      );
      return perStore.flat();
    };
    const before = await read();

    const secrets: string[] = [];
    const performed: Performed[] = [];
    const put = async (store: OpenedStore, owner: string, name: string, operation: Operation): Promise<void> => {
      const secret = ctx.canary();
      secrets.push(secret);
      await store.adapter.put(owner, name, secret);
      performed.push({ store, operation, owner, name });
    };
    await put(first, 'alice', 'audited-one', 'create');
    await put(second, 'bob', 'audited-two', 'create');
    await put(second, 'alice', 'audited-one', 'update');
    await put(first, 'alice', 'audited-three', 'create');
    for (const [store, owner, name] of [
      [first, 'alice', 'audited-one'],
      [second, 'bob', 'audited-two'],
    ] as const) {
      await store.adapter.get(owner, name);
      performed.push({ store, operation: 'reveal', owner, name });
    }
    await first.adapter.delete('bob', 'audited-two');
    performed.push({ store: first, operation: 'delete', owner: 'bob', name: 'audited-two' });

    const events = added(before, await read());
    const word = (operation: Operation): string => audit.actions?.[operation] ?? operation;
    const missing: string[] = [];
    for (const op of performed) {
      const matching = events.filter(
        (e) =>
          e.action === word(op.operation) && e.actor === op.store.applicationName && names(e.target, op.owner, op.name),
      );
      const what = `${op.operation} of ${op.owner}/${op.name} by ${op.store.applicationName}`;
      if (matching.length === 0) {
        const near = events.filter((e) => e.action === word(op.operation) && names(e.target, op.owner, op.name));
        missing.push(near.length > 0 ? `${what}: recorded, but naming actor "${near[0]!.actor}"` : `${what}: no event`);
      } else if (matching.length > 1) missing.push(`${what}: ${matching.length} events`);
      else if (!matching[0]!.timed) missing.push(`${what}: the event has no time`);
    }
    failWith(ctx, 'audit events', missing);

    const needles = new Needles(secrets);
    const place = isTable(audit) ? `audit table ${audit.table}` : 'audit events';
    failWith(
      ctx,
      'secret in the audit trail',
      describeHits(
        ctx,
        events.flatMap((e) => needles.search(e.text, place)),
        needles,
      ),
    );

    if (isTable(audit)) failWith(ctx, 'audit rows are not protected', await roleProblems(ctx, audit, first));
    else
      ctx.notProven(
        'the audit events come from a callback: whether the application can alter or remove them is not visible to the harness',
      );
  },
};
