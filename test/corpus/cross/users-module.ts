import { Body, Controller, Get, Injectable, Logger, Param, Post } from '@nestjs/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import * as argon2 from 'argon2';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() email!: string;
  @Column({ name: 'password_hash' }) passwordHash!: string;
  @Column({ name: 'api_key', nullable: true }) apiKey!: string | null; // expect-strict: no-plaintext-credential-column
  @Column({ name: 'api_key_last4', nullable: true }) apiKeyLast4!: string | null;
  @Column({ type: 'timestamptz', name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  async create(email: string, password: string) {
    this.logger.log(`creating user ${email}`);
    this.logger.debug(`creating user ${email} with password ${password}`); // expect: no-secret-logging
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    return { email, passwordHash };
  }

  async findOne(id: string): Promise<UserEntity> {
    return { id } as UserEntity;
  }
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(':id')
  async findOne(@Param('id') id: string) {
    const user = await this.users.findOne(id);
    return { id: user.id, email: user.email, apiKey: user.apiKey }; // expect: no-secret-in-response
  }

  @Get(':id/summary')
  async summary(@Param('id') id: string) {
    const user = await this.users.findOne(id);
    return { id: user.id, email: user.email, apiKeyLast4: user.apiKeyLast4, passwordChangedAt: user.passwordChangedAt };
  }

  @Get(':id/raw')
  async raw(@Param('id') id: string) {
    return this.users.findOne(id); // expect-typed: no-secret-in-response
  }

  @Post()
  async create(@Body() body: { email: string; password: string }) {
    const created = await this.users.create(body.email, body.password);
    return { email: created.email };
  }
}
