import { Pool } from 'pg';
import { env } from 'node:process';

export function createPool(password = process.env.PGPASSWORD || 'postgres') { // expect: no-env-fallback
  return new Pool({
    host: env.PGHOST ?? 'localhost',
    user: env.PGUSER ?? 'postgres',
    database: env.PGDATABASE ?? 'app',
    password,
  });
}

export function createReplicaPool(password = process.env.REPLICA_DB_PASSWORD) {
  return new Pool({ host: env.REPLICA_HOST ?? 'replica.internal', password });
}

export const dbPassword = env.PGPASS ?? 'secret'; // expect: no-env-fallback

export const databaseUrl = env.DATABASE_URL || 'postgres://app:app@localhost:5432/app'; // expect: no-env-fallback

export const readOnlyUrl = env.READONLY_DATABASE_URL ?? env.DATABASE_URL;

export const poolSize = Number(env.DB_POOL_SIZE || '10');

export const statementTimeoutMs = Number(env.STATEMENT_TIMEOUT_MS ?? 30_000);
