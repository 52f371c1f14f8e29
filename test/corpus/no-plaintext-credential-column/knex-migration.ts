import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('accounts', (table) => {
    table.increments('id').primary();
    table.string('email').notNull().unique();
    table.string('password').notNull(); // expect-strict: no-plaintext-credential-column
    table.string('password_reset_token').nullable(); // expect-strict: no-plaintext-credential-column
    table.timestamp('password_reset_sent_at').nullable();
    table.string('password_hash').nullable();
    table.timestamps(true, true);
  });

  await knex.schema.alterTable('webhooks', (t) => {
    t.text('signing_secret'); // expect-strict: no-plaintext-credential-column
    t.binary('signing_secret_ciphertext');
    t.binary('signing_secret_nonce');
    t.integer('signing_secret_key_version').defaultTo(1);
  });

  await knex.schema.table('service_accounts', (t) => {
    t.specificType('token', 'citext'); // expect-strict: no-plaintext-credential-column
    t.string('token_fingerprint', 64);
    t.dateTime('token_last_used_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.table('service_accounts', (t) => t.dropColumn('token'));
  await knex.schema.dropTable('accounts');
}
