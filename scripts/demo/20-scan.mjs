// Demo stage: the built CLI scans both fixture apps, as a new user would run it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';

export const title = 'secret-hygiene scan: whole-program audit of the fixture apps';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}packages/cli/bin/secret-hygiene.js`;

function scan(app) {
  // Each app is scanned as its own project, from its folder: from this repository's root, fixtures/
  // is fixture code, which the default configuration does not judge (docs/file-context.md).
  process.stdout.write(pc.dim(`$ cd fixtures/${app} && npx secret-hygiene scan .\n`));
  // A TTY-less child: plain text, no progress; stderr (diagnostics) shown as it is.
  const result = spawnSync(process.execPath, [bin, 'scan', '.'], { cwd: `${root}fixtures/${app}`, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.stdout.write(pc.dim(`exit code ${result.status}\n\n`));
  return result.status;
}

/** True when leaky-app fails the scan (exit 1) and clean-app passes it (exit 0). */
export async function run() {
  const leaky = scan('leaky-app');
  const clean = scan('clean-app');
  const ok = leaky === 1 && clean === 0;
  process.stdout.write(
    ok
      ? pc.green('leaky-app fails the gate, clean-app passes it\n')
      : pc.red(`expected exit codes 1 and 0, got ${leaky} and ${clean}\n`),
  );
  return ok;
}
