import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, REPO } from './helpers/cli.js';

beforeAll(() => buildOnce());

/** Run `body` in a fresh Node process (flags set at run time must not touch the test runner's). */
function inFreshProcess(body: string): { status: number | null; stdout: string; stderr: string } {
  const heap = pathToFileURL(join(REPO, 'dist/src/heap.js')).href;
  const script = `import { tuneHeapForLongRuns, collectGarbage, boundHeapGrowth } from '${heap}';\n${body}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('heap tuning of CLI runs', () => {
  it('frees unreachable array buffers on demand once tuned, and not before', () => {
    const result = inFreshProcess(`
      const buffers = () => process.memoryUsage().arrayBuffers;
      // 40 MiB of buffers, reachable while they are made, then dropped with nothing allocated after.
      let kept = [];
      for (let i = 0; i < 40; i++) kept.push(new Float64Array(1 << 17));
      kept = null;
      collectGarbage(); // untuned: a no-op
      const untuned = buffers();
      tuneHeapForLongRuns();
      boundHeapGrowth();
      collectGarbage();
      // V8 frees the backing stores of dead array buffers on a helper thread after the collection
      // (its array buffer sweeper), so the count can lag on a busy machine: wait for it, 5 s at most.
      const deadline = Date.now() + 5000;
      while (buffers() > untuned - 35 * 2 ** 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      console.log(JSON.stringify({ untuned, after: buffers() }));
    `);
    expect(result.status, result.stderr).toBe(0);
    const { untuned, after } = JSON.parse(result.stdout) as { untuned: number; after: number };
    // The dropped buffers are still held untuned, and gone after the collection.
    expect(untuned).toBeGreaterThan(40 * 2 ** 20);
    expect(after).toBeLessThan(untuned - 35 * 2 ** 20);
  });
});
