// The README's first command: shows every part of the toolkit that exists, in order.
// Each stage is a module in scripts/demo/ exporting `title` and `run()`; stages run by file name.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pc from 'picocolors';

const dir = fileURLToPath(new URL('./demo/', import.meta.url));
const stages = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort();
let failed = 0;
for (const file of stages) {
  const stage = await import(pathToFileURL(dir + file).href);
  process.stdout.write(`\n${pc.bold(pc.cyan(`== ${stage.title} ==`))}\n`);
  const ok = await stage.run();
  if (ok === false) failed++;
}
process.stdout.write(
  `\n${failed === 0 ? pc.green('demo finished') : pc.red(`demo: ${failed} stage(s) did not go as expected`)}\n`,
);
process.exitCode = failed === 0 ? 0 : 1;
