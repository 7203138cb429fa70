import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GNU_TIME, parseGnuTimeMaxRss, runMeasured } from '../../bench/lib/run-child.js';

const scratch = mkdtempSync(join(tmpdir(), 'framescope-run-child-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A child that holds about 80 MB of live memory, then exits with code 3. */
const HOG = join(scratch, 'hog.mjs');
writeFileSync(HOG, "const keep = Buffer.alloc(80e6, 1); process.stderr.write('hog done ' + keep.length + '\\n'); process.exitCode = 3;\n");
/** The wrapper as JavaScript, so the test does not need a build (it mirrors bench/lib/measure.ts). */
const WRAPPER = join(scratch, 'measure.mjs');
writeFileSync(WRAPPER, [
  "import { writeFileSync } from 'node:fs'; import { resolve } from 'node:path'; import { pathToFileURL } from 'node:url';",
  'const [report, script, ...args] = process.argv.slice(2); const p = resolve(script); process.argv = [process.argv[0], p, ...args];',
  "process.on('exit', (code) => writeFileSync(report, JSON.stringify({ exitCode: code, maxRssKb: process.resourceUsage().maxRSS })));",
  'await import(pathToFileURL(p).href);',
].join('\n'));

describe('parseGnuTimeMaxRss', () => {
  it('reads the kilobytes of GNU time’s -v report', () => {
    expect(parseGnuTimeMaxRss('\tCommand being timed: "node x"\n\tMaximum resident set size (kbytes): 254332\n')).toBe(254332);
    expect(parseGnuTimeMaxRss('no report here')).toBeUndefined();
  });
});

describe('runMeasured', () => {
  it('measures a child’s peak RSS and exit code through the wrapper', () => {
    const result = runMeasured(HOG, [], WRAPPER, scratch, false);
    expect(result.via).toBe('wrapper');
    expect(result.exitCode).toBe(3);
    expect(result.peakRssMb).toBeGreaterThan(80);
    expect(result.stderrTail).toContain('hog done 80000000');
  });

  it.skipIf(!existsSync(GNU_TIME))('agrees with GNU time within a margin', () => {
    const viaTime = runMeasured(HOG, [], WRAPPER, scratch, true);
    expect(viaTime.via).toBe('gnu-time');
    expect(viaTime.exitCode).toBe(3);
    expect(viaTime.peakRssMb).toBeGreaterThan(80);
    expect(viaTime.stderrTail).toContain('hog done');
    expect(viaTime.stderrTail).not.toContain('Maximum resident set size');
  });
});

describe('bench/lib/measure (compiled)', () => {
  const compiled = join(import.meta.dirname, '..', '..', 'dist', 'bench', 'lib', 'measure.js');
  it.skipIf(!existsSync(compiled))('runs the script as the main module and reports its peak RSS', () => {
    const main = join(scratch, 'main-check.mjs');
    writeFileSync(main, "import { realpathSync } from 'node:fs'; import { fileURLToPath } from 'node:url';\nif (realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) { const keep = Buffer.alloc(60e6, 1); process.stderr.write('main ' + process.argv.slice(2).join(' ') + ' ' + keep.length + '\\n'); }\n");
    const result = runMeasured(main, ['--a', 'b'], compiled, scratch, false);
    expect(result.exitCode).toBe(0);
    expect(result.stderrTail).toContain('main --a b 60000000');
    expect(result.peakRssMb).toBeGreaterThan(60);
  });
});
