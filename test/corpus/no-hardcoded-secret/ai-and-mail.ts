import OpenAI from 'openai';
import nodemailer from 'nodemailer';

export const openai = new OpenAI({ apiKey: 'sk-proj-0XGQbazSxyy65moThGidRWQEDBiu01rAFVxbAfo7WBLoIn7D' }); // expect: no-hardcoded-secret
export const openaiFromEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const mailer = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  auth: { user: 'apikey', pass: 'Vb7Nq2Lw9Xz4Kp8Rt3Ym6Hd' }, // expect: no-hardcoded-secret
});

export const reportingDbUrl = 'postgres://admin:S3cr3tPassw0rd-x9@prod-db.internal:5432/app'; // expect: no-hardcoded-secret

export async function callInternal(): Promise<Response> {
  return fetch('https://internal.acme.test/jobs', {
    headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZXJ2aWNlLWJvdCIsImlhdCI6MTcwMDAwMDAwMH0.3z8YCDWMvnxBsr0GgKM9dhmjpnsYzNusQpYmpIfSRhl' }, // expect-strict: no-hardcoded-secret
  });
}

export const messages = {
  password: 'Mot de passe',
  confirmPassword: 'Confirmer le mot de passe',
  passwordLabel: 'Password',
  token: 'Jeton',
};

export const validationErrors = {
  password: 'Password must be at least 12 characters',
  apiKey: 'API key is required',
};

export const PASSWORD_PATTERN = /^(?=.*[A-Z])(?=.*[0-9]).{12,}$/;
export const secretKeyName = 'STRIPE_SECRET_KEY';
export const authHeaderName = 'Authorization';
