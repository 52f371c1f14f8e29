import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import nodemailer from 'nodemailer';
import knex from 'knex';
import Koa from 'koa';
import { Sequelize } from 'sequelize';
import { Injectable } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

// Login passwords written into the clients that log in with them.
export const reporting = new Pool({ host: 'reporting.db.internal', user: 'reporter', password: 'Rep0rting-Pa55' }); // expect: no-hardcoded-secret
export const shopDb = mysql.createPool({ host: 'mysql', user: 'shop', password: 'shopdbpass2024' }); // expect: no-hardcoded-secret

const SMTP = {
  host: 'smtp.gmail.com',
  auth: { user: 'alerts@acme.test', pass: 'abcd efgh ijkl mnop' }, // expect: no-hardcoded-secret
};
export const mailer = nodemailer.createTransport(SMTP);

export const warehouse = knex({
  client: 'pg',
  connection: { host: 'warehouse', user: 'etl', password: 'knex-etl-secret-99' }, // expect: no-hardcoded-secret
});
export const legacy = new Sequelize('legacy', 'legacy', 'sequelizepass88', { dialect: 'postgres' }); // expect: no-hardcoded-secret

// Local development defaults are placeholders, and passwords from the environment are fine.
export const localDb = new Pool({ host: 'localhost', user: 'postgres', password: 'postgres' });
export const devMysql = mysql.createPool({ host: '127.0.0.1', user: 'root', password: 'root' });
export const sqlite = new Sequelize('app', 'root', '', { dialect: 'sqlite' });
export const prodDb = new Pool({ host: process.env.DB_HOST, password: process.env.DB_PASSWORD });

// Koa signs its cookies with app.keys; NestJS's docs keep the JWT secret in a constant.
const app = new Koa();
app.keys = ['im a newer secret', 'i like turtle']; // expect: no-hardcoded-secret

export const jwtConstants = {
  secret: 'DO NOT USE THIS VALUE', // expect: no-hardcoded-secret
};
export const authModule = JwtModule.register({ global: true, secret: jwtConstants.secret, signOptions: { expiresIn: '60s' } });

@Injectable()
export class TokenService {
  constructor(private readonly jwtService: JwtService) {}

  issue(sub: string) {
    return this.jwtService.sign({ sub }, { secret: 'nest-inline-signing-secret' }); // expect: no-hardcoded-secret
  }

  check(token: string) {
    return this.jwtService.verify(token, { secret: process.env.JWT_SECRET });
  }
}
