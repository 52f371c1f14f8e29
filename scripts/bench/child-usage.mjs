// Preloaded (`node --import`) into every process a bench measures: at exit it writes this process's
// own CPU time and peak RSS as JSON to the file named by SH_BENCH_USAGE_FILE. The variable is removed
// first, so processes this one starts do not overwrite the file. See measure.mjs.
import { writeFileSync } from 'node:fs';

const file = process.env.SH_BENCH_USAGE_FILE;
delete process.env.SH_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpu: (user + system) / 1e6, maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
