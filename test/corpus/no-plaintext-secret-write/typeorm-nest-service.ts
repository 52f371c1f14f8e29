// NestJS services on TypeORM repositories and the entity manager.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { ApiClient, Invitation, User, WebhookEndpoint } from '../support/entities';
import { decryptColumn } from '../support/field-crypto';

@Injectable()
export class ApiClientService {
  constructor(
    @InjectRepository(ApiClient) private readonly apiClientRepository: Repository<ApiClient>,
    @InjectRepository(User) private readonly usersRepository: Repository<User>,
    private readonly manager: EntityManager,
  ) {}

  async register(ownerId: string, name: string) {
    const client = this.apiClientRepository.create({ ownerId, name });
    client.clientSecret = randomBytes(32).toString('hex'); // expect: no-plaintext-secret-write
    await this.apiClientRepository.save(client);
    return client;
  }

  async registerWithKey(ownerId: string) {
    const apiKey = `ak_${randomBytes(24).toString('hex')}`;
    await this.apiClientRepository.insert({ ownerId, apiKey }); // expect: no-plaintext-secret-write
    return apiKey;
  }

  async rotate(id: string) {
    const accessToken = randomBytes(32).toString('base64url');
    await this.apiClientRepository.update({ id }, { accessToken }); // expect: no-plaintext-secret-write
    return accessToken;
  }

  async createEndpoint(ownerId: string, url: string) {
    const secret = randomBytes(24).toString('hex');
    await this.manager.save(WebhookEndpoint, { ownerId, url, secret }); // expect: no-plaintext-secret-write
    return secret;
  }

  async reencrypt(user: User) {
    const totpSecret = decryptColumn(user.totpSecretCiphertext);
    await this.usersRepository.save({ id: user.id, totpSecret }); // expect: no-plaintext-secret-write
  }

  // Look-alikes.

  async registerHashed(ownerId: string, name: string) {
    const secret = randomBytes(32).toString('hex');
    const client = this.apiClientRepository.create({ ownerId, name });
    client.secretHash = createHash('sha256').update(secret).digest('hex');
    await this.apiClientRepository.save(client);
    return secret;
  }

  async rename(id: string, name: string) {
    await this.apiClientRepository.update({ id }, { name, updatedAt: new Date() });
  }

  async invite(email: string, invitedBy: string) {
    const invitation = new Invitation();
    invitation.email = email;
    invitation.invitedBy = invitedBy;
    invitation.id = randomBytes(16).toString('hex');
    await this.manager.save(invitation);
  }
}
