// @ts-check
// Whether a bundle made by scripts/build.mjs still matches its sources. Plain JavaScript with no
// dependencies, because the `sunlog` command asks before tsx or anything else is loaded.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root; manifests list their inputs relative to it. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The manifest beside a bundle: `main.js` → `main.inputs.json`. */
export function manifestPath(bundle) {
  return bundle.replace(/\.js$/, '.inputs.json');
}

/**
 * True when `bundle` exists and none of the files it was built from (its manifest, written by the
 * build) is newer or gone. An edited source, a checkout or a pull makes it false, so a stale bundle
 * is never run in place of the code beside it.
 * @param {string} bundle absolute path of the bundle
 */
export function isBuilt(bundle) {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    /** @type {string[]} */
    const inputs = JSON.parse(readFileSync(manifestPath(bundle), 'utf8'));
    return inputs.every((input) => statSync(ROOT + input).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
