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
  fs.writeFileSync(path.join(projectDir, '.env'), lines.join('\n') + '\n'); // expect-strict: no-insecure-secret-file
  fs.writeFileSync(path.join(projectDir, '.env.example'), lines.map((l) => l.split('=')[0] + '=').join('\n'));
}

function appendLocalOverrides(projectDir, overrides) {
  const target = path.join(projectDir, '.env.local');
  for (const [key, value] of Object.entries(overrides)) {
    fs.appendFileSync(target, `${key}=${value}\n`); // expect-strict: no-insecure-secret-file
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
  await fs.promises.writeFile(path.resolve(projectDir, '.env.development'), env); // expect-strict: no-insecure-secret-file
}

function writeReadme(projectDir, name) {
  fs.writeFileSync(path.join(projectDir, 'README.md'), `# ${name}\n`);
  fs.writeFileSync(path.join(projectDir, '.env.template'), 'DATABASE_URL=\n');
}

function publishEnvForContainer(projectDir, env) {
  fs.writeFileSync(projectDir + '/.env.docker', env, { mode: 0o664 }); // expect-strict: no-insecure-secret-file
}

// The deploy step: the production env file from the pipeline's secrets.
function writeDeployEnv(releaseDir) {
  const env = [`DATABASE_URL=${process.env.PROD_DATABASE_URL}`, `STRIPE_SECRET_KEY=${process.env.STRIPE_SECRET_KEY}`];
  fs.writeFileSync(path.join(releaseDir, '.env.production'), env.join('\n')); // expect: no-insecure-secret-file
}

function writeDeployEnvSafely(releaseDir) {
  const env = [`DATABASE_URL=${process.env.PROD_DATABASE_URL}`];
  fs.writeFileSync(path.join(releaseDir, '.env.production'), env.join('\n'), { mode: 0o600 });
}

function writeDeployKey(releaseDir) {
  fs.writeFileSync(path.join(releaseDir, 'deploy.key'), process.env.DEPLOY_KEY); // expect: no-insecure-secret-file
}

module.exports = { writeDeployEnv, writeDeployEnvSafely, writeDeployKey,  writeEnvFiles, appendLocalOverrides, writeProductionEnv, writeEnvThenRestrict, writeEnvAsync, writeReadme, publishEnvForContainer };
