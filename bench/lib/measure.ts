/**
 * Peak-memory wrapper for when `/usr/bin/time -v` is missing: `spawnSync` reports no resource
 * usage of the child, so the child reports its own. Usage:
 *   node dist/bench/lib/measure.js <report.json> <script.js> [args…]
 * runs the script as if started directly (its `process.argv[1]` is the script, so an
 * `isMain()` check passes) and, on exit, writes `process.resourceUsage()` to <report.json>.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, script, ...args] = process.argv.slice(2);
if (report === undefined || script === undefined) {
  process.stderr.write('usage: measure <report.json> <script.js> [args…]\n');
  process.exit(1);
}
const scriptPath = resolve(script);
process.argv = [process.argv[0] ?? 'node', scriptPath, ...args];
process.on('exit', (code) => {
  const usage = process.resourceUsage();
  // maxRSS is in kilobytes (getrusage ru_maxrss on Linux).
  writeFileSync(report, JSON.stringify({ exitCode: code, maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
});
await import(pathToFileURL(scriptPath).href);
