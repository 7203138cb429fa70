import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(REPO, '../shared');
export const CLI = join(REPO, 'dist/src/cli.js');

const BUILD_LOCK = join(REPO, 'dist.build-lock');
/** A lock older than this is left over from a killed run. */
const STALE_LOCK_MS = 180_000;

/**
 * Compile so the tests spawn the same binary users run (`npx framescope`). Test files run in
 * parallel processes: the first takes the lock (mkdir is atomic) and builds; the others wait for
 * it to finish instead of writing `dist/` at the same time.
 */
export function buildOnce(): void {
  try {
    mkdirSync(BUILD_LOCK);
  } catch {
    waitForBuild();
    return;
  }
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: REPO,
      stdio: 'pipe',
    });
    chmodSync(CLI, 0o755); // as `npm run build` does: the bin must be executable for npx
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function waitForBuild(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let age: number;
    try {
      age = Date.now() - statSync(BUILD_LOCK).mtimeMs;
    } catch {
      return;
    }
    if (age > STALE_LOCK_MS) {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
      buildOnce();
      return;
    }
    Atomics.wait(pause, 0, 0, 200);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Each test process gets its own cache folder, so tests never share or pollute a user's cache. */
const TEST_CACHE_DIR = mkdtempSync(join(tmpdir(), 'framescope-cache-'));

export function runFramescope(args: string[], cwd: string = REPO): CliResult {
  const env = { ...process.env, NO_COLOR: '1', FRAMESCOPE_CACHE_DIR: TEST_CACHE_DIR };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'framescope-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
