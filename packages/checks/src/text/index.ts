export * from './run.js';
export * from './locate.js';
export { isEnvExample } from './env-file.js';
export { readPrismaFields, type PrismaField } from './prisma.js';
export * from './credential-columns.js';
export {
  allowedValues,
  analyzeSecretSettings,
  secretSettingVerdict,
  type SecretSettingMessageId,
  type SecretSettingVerdict,
} from './secret-settings.js';
