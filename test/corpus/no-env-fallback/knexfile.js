require('dotenv').config();

const env = process.env;

module.exports = {
  development: {
    client: 'pg',
    connection: {
      host: env.DB_HOST || '127.0.0.1',
      user: env.DB_USER || 'postgres',
      password: env.DB_PASSWORD || 'postgres', // expect: no-env-fallback
      database: env.DB_NAME || 'app_dev',
    },
    pool: { min: 2, max: Number(env.DB_POOL_MAX || 10) },
  },
  production: {
    client: 'pg',
    connection: env.DATABASE_URL,
    migrations: { tableName: env.MIGRATIONS_TABLE || 'knex_migrations' },
  },
  warehouse: {
    client: 'mysql2',
    connection: {
      host: env['WAREHOUSE_HOST'] || 'warehouse.internal',
      password: env['WAREHOUSE_PASSWORD'] || 'warehouse', // expect: no-env-fallback
    },
  },
};
