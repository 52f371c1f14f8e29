import { BeforeInsert, BeforeUpdate, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import * as bcrypt from 'bcrypt';
import { encryptedTransformer } from '../support/encrypted-transformer';

const lowercase = { to: (v: string) => v.toLowerCase(), from: (v: string) => v };

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ unique: true, transformer: lowercase })
  email!: string;

  @Column() password!: string; // expect-strict: no-plaintext-credential-column

  @Column({ type: 'varchar', nullable: true }) resetToken!: string | null; // expect-strict: no-plaintext-credential-column

  @Column({ type: 'timestamptz', nullable: true })
  resetTokenExpiresAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;
}

@Entity()
export class Admin {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  password!: string;

  @BeforeInsert()
  @BeforeUpdate()
  async hashPassword() {
    if (this.password) this.password = await bcrypt.hash(this.password, 12);
  }
}

@Entity('integrations')
export class Integration {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', name: 'api_key' }) key!: string; // expect-strict: no-plaintext-credential-column

  @Column({ type: 'text', transformer: encryptedTransformer })
  refreshToken!: string;

  @Column({ type: 'text', name: 'client_secret', transformer: lowercase }) clientSecret!: string; // expect-strict: no-plaintext-credential-column

  @Column({ type: 'int', name: 'api_key_version', default: 1 })
  apiKeyVersion!: number;

  @Column({ type: 'boolean', default: false })
  tokenRevoked!: boolean;
}

@Entity()
export class TotpFactor {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 }) secret!: string; // expect-strict: no-plaintext-credential-column

  @Column({ type: 'bytea', name: 'secret_ciphertext', nullable: true })
  secretCiphertext!: Buffer | null;

  @Column({ type: 'bytea', name: 'secret_iv', nullable: true })
  secretIv!: Buffer | null;
}
