// MikroORM: runner tokens, agent keys and recovery codes.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { AgentToken, RecoveryCode, RunnerToken, Workspace } from '../support/mikro-entities';
import { hashRecoveryCode } from '../support/recovery';

export class RunnerService {
  constructor(private readonly em: EntityManager) {}

  async registerRunner(workspace: Workspace, name: string) {
    const token = `glrt-${randomBytes(20).toString('hex')}`;
    const runner = this.em.create(RunnerToken, { workspace, name, token }); // expect: no-plaintext-secret-write
    await this.em.persistAndFlush(runner);
    return token;
  }

  async createAgentToken(workspace: Workspace) {
    const agentToken = randomBytes(32).toString('base64url');
    await this.em.insert(AgentToken, { workspace, agentToken }); // expect: no-plaintext-secret-write
    return agentToken;
  }

  async rotateAgentToken(id: string) {
    const agentToken = randomBytes(32).toString('base64url');
    await this.em.nativeUpdate(AgentToken, { id }, { agentToken }); // expect: no-plaintext-secret-write
    return agentToken;
  }

  async resetWorkspaceSecret(workspace: Workspace) {
    this.em.assign(workspace, { webhookSecret: randomBytes(32).toString('hex') }); // expect: no-plaintext-secret-write
    await this.em.flush();
  }

  // Look-alikes.

  async createRecoveryCodes(userId: string) {
    const codes = Array.from({ length: 10 }, () => randomBytes(5).toString('hex'));
    for (const code of codes) this.em.create(RecoveryCode, { userId, codeHash: await hashRecoveryCode(code) });
    await this.em.flush();
    return codes;
  }

  async renameRunner(runner: RunnerToken, name: string) {
    this.em.assign(runner, { name, lastUsedAt: new Date() });
    await this.em.flush();
  }
}
