import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder, found by walking up from this module, so the bundled lexicons are
 * found both from `src/` (tests) and from the compiled `dist/src/` (the installed binary).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'framescope') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('internal: cannot find the framescope package root');
    dir = parent;
  }
}

/** The bundled lexicon folder (default of `--lexicons`). */
export function bundledLexiconDir(): string {
  return join(packageRoot(), 'lexicons');
}

/** The tool's version from package.json. */
export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
