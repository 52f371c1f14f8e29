import { DataSource } from 'typeorm';
import knex from 'knex';

export const dataSource = new DataSource({
  type: 'postgres',
  host: 'db.internal',
  port: 5432,
  username: 'app',
  password: 'q8Xv2LmN9pRt4sKw7Yz', // expect: no-hardcoded-secret
  database: 'app',
  synchronize: false,
});

export const reporting = knex({
  client: 'pg',
  connection: {
    host: 'reporting.internal',
    user: 'reporter',
    password: process.env.REPORTING_DB_PASSWORD,
    database: 'reporting',
  },
});

export const legacy = knex({
  client: 'mysql2',
  connection: 'mysql://legacy:Zt8pQ2wX9vLm4RkN@legacy-db.internal:3306/shop', // expect: no-hardcoded-secret
});

export const local = knex({
  client: 'pg',
  connection: { host: 'localhost', user: 'postgres', password: '<your-db-password>', database: 'dev' },
});

export const examplePassword = 'changeme';
export const passwordMinLength = 12;
export const passwordPolicy = 'min-12-chars-1-digit';
