'use server';

import { db } from '../support/db';

export async function getWorkspaceSettings(workspaceId: string) {
  const settings = await db.workspaceSettings.find(workspaceId);
  return { name: settings.name, slackWebhookUrl: settings.slackWebhookUrl, slackBotToken: settings.slackBotToken }; // expect: no-secret-in-response
}

export async function getWorkspace(workspaceId: string) {
  const workspace = await db.workspaces.find(workspaceId);
  return { name: workspace.name, plan: workspace.plan, hasSlack: Boolean(workspace.slackBotToken) };
}

export async function rotateDeployKey(projectId: string) {
  const project = await db.projects.rotateDeployKey(projectId);
  return { deployKeyHint: project.deployKey.slice(0, 4) };
}

export async function getProjectSecrets(projectId: string) {
  const project = await db.projects.find(projectId);
  const { deployKey } = project;
  return { deployKey }; // expect: no-secret-in-response
}

export async function getIntegrationCredentials(integrationId: string) {
  const integration = await db.integrations.find(integrationId);
  return { provider: integration.provider, apiKey: integration.apiKey }; // expect: no-secret-in-response
}

export async function getMasterKey() {
  return { key: process.env.MASTER_ENCRYPTION_KEY }; // expect: no-secret-in-response
}

export async function getAdminHash(adminId: string) {
  const admin = await db.admins.find(adminId);
  return { passwordDigest: admin.passwordDigest }; // expect: no-secret-in-response
}

export async function getTokenExpiry(integrationId: string) {
  const integration = await db.integrations.find(integrationId);
  return { tokenExpiresAt: integration.tokenExpiresAt, keyId: integration.keyId };
}
