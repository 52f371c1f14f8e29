import { DataTypes, Sequelize } from 'sequelize';
import { pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';

const sequelize = new Sequelize('postgres://localhost/app');

// Column names kept in constants, as generated schema modules do.
const COL_API_KEY = 'api_key';
const Columns = { PASSWORD: 'password', ACCESS_TOKEN: 'access_token', DISPLAY_NAME: 'display_name' } as const;

export const credentials = pgTable('credentials', {
  id: serial('id').primaryKey(),
  key: text(COL_API_KEY), // expect-strict: no-plaintext-credential-column
  pw: varchar(Columns.PASSWORD, { length: 255 }), // expect-strict: no-plaintext-credential-column
  tok: text(Columns.ACCESS_TOKEN), // expect-strict: no-plaintext-credential-column
  name: text(Columns.DISPLAY_NAME),
});

// Sequelize types written as strings.
export const Integration = sequelize.define('Integration', {
  provider: { type: 'VARCHAR(32)' },
  clientSecret: { type: 'TEXT' }, // expect-strict: no-plaintext-credential-column
  webhookSecret: 'VARCHAR(255)', // expect-strict: no-plaintext-credential-column
  secretHash: { type: 'CHAR(64)' },
  createdAt: DataTypes.DATE,
});
