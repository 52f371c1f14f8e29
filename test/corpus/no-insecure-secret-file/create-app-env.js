// A project generator: copies the template, then writes the new project's environment files.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

function randomSecret() {
  return crypto.randomBytes(32).toString('hex');
}

function writeEnvFiles(projectDir, answers) {
  const sessionSecret = randomSecret();
  const lines = [
    `DATABASE_URL=${answers.databaseUrl}`,
    `SESSION_SECRET=${sessionSecret}`,
    `STRIPE_SECRET_KEY=${answers.stripeKey}`,
  ];
  fs.writeFileSync(path.join(projectDir, '.env'), lines.join('\n') + '\n'); // expect: no-insecure-secret-file
  fs.writeFileSync(path.join(projectDir, '.env.example'), lines.map((l) => l.split('=')[0] + '=').join('\n'));
}

function appendLocalOverrides(projectDir, overrides) {
  const target = path.join(projectDir, '.env.local');
  for (const [key, value] of Object.entries(overrides)) {
    fs.appendFileSync(target, `${key}=${value}\n`); // expect: no-insecure-secret-file
  }
}

function writeProductionEnv(projectDir, env) {
  fs.writeFileSync(`${projectDir}/.env.production`, env, { mode: 0o600 });
}

function writeEnvThenRestrict(projectDir, env) {
  const file = path.join(projectDir, '.env');
  fs.writeFileSync(file, env);
  fs.chmodSync(file, 0o600);
}

async function writeEnvAsync(projectDir, env) {
  await fs.promises.writeFile(path.resolve(projectDir, '.env.development'), env); // expect: no-insecure-secret-file
}

function writeReadme(projectDir, name) {
  fs.writeFileSync(path.join(projectDir, 'README.md'), `# ${name}\n`);
  fs.writeFileSync(path.join(projectDir, '.env.template'), 'DATABASE_URL=\n');
}

function publishEnvForContainer(projectDir, env) {
  fs.writeFileSync(projectDir + '/.env.docker', env, { mode: 0o664 }); // expect: no-insecure-secret-file
}

module.exports = { writeEnvFiles, appendLocalOverrides, writeProductionEnv, writeEnvThenRestrict, writeEnvAsync, writeReadme, publishEnvForContainer };
