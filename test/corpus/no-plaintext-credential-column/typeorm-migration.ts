import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

export class CreateIntegrations1710000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'integrations',
        columns: [
          { name: 'id', type: 'serial', isPrimary: true },
          { name: 'provider', type: 'varchar' },
          { name: 'access_token', type: 'text', isNullable: true }, // expect-strict: no-plaintext-credential-column
          { name: 'access_token_expires_at', type: 'timestamptz', isNullable: true },
          { name: 'client_secret_hash', type: 'varchar' },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
        ],
      }),
    );
    await queryRunner.addColumn('integrations', new TableColumn({ name: 'api_token', type: 'text', isNullable: true })); // expect-strict: no-plaintext-credential-column
    await queryRunner.addColumn('integrations', new TableColumn({ name: 'api_token_last4', type: 'varchar', length: '4', isNullable: true }));
    await queryRunner.query(`ALTER TABLE "integrations" ADD "signing_secret" character varying`); // expect-strict: no-plaintext-credential-column
    await queryRunner.query(`CREATE INDEX "idx_integrations_provider" ON "integrations" ("provider")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('integrations', 'signing_secret');
    await queryRunner.dropColumn('integrations', 'api_token');
    await queryRunner.dropTable('integrations');
  }
}
