import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(REPO, '../shared');
export const CLI = join(REPO, 'dist/src/cli.js');

/** Compile once so the tests spawn the same binary users run (`npx framescope`). */
export function buildOnce(): void {
  execFileSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: REPO,
    stdio: 'pipe',
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runFramescope(args: string[], cwd: string = REPO): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'framescope-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
