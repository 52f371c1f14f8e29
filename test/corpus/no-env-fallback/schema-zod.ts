import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().default(3000),
  DATABASE_URL: z.string().url(),
  JWT_SECRET: z.string().min(32).default('change-me-in-production-please-32c'), // expect: no-env-fallback
  CSRF_SECRET: z.string().min(16),
  RESEND_API_KEY: z.string().default(''), // expect-strict: no-env-fallback
  LOG_LEVEL: z.enum(['debug', 'info', 'warn']).default('info'),
  S3_SECRET_ACCESS_KEY: z.string().catch('minio-secret'), // expect: no-env-fallback
  S3_BUCKET: z.string().default('uploads'),
});

export const env = EnvSchema.parse(process.env);
