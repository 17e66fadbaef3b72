// @ts-check
// Builds what `npm start` and `npx sunlog` run: the server and the CLI bundled by esbuild into
// JavaScript (packages/server/dist, packages/cli/dist), so they start without compiling TypeScript
// (tsx stays for development and tests). `node scripts/build.mjs` builds whatever is out of date; `--web` also builds the web app
// when its sources are newer than packages/web/dist. Run by `npm install` (prepare) and `npm start`.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuilt, manifestPath, ROOT } from './built.mjs';

/**
 * The bundles: an entry and the directory its `main.js` goes to, relative to the repository root.
 * Modules the code imports with `import()` become chunks beside it, loaded only when used: the
 * CLI's commands import the server's modules that way, so `sunlog insights` never loads them.
 */
export const BUNDLES = {
  server: { entry: 'packages/server/src/main.ts', outdir: 'packages/server/dist' },
  cli: { entry: 'packages/cli/src/main.ts', outdir: 'packages/cli/dist' },
};

/** The file `node` runs for a bundle. */
export function bundleMain({ outdir }) {
  return join(ROOT, outdir, 'main.js');
}

const THIS_FILE = fileURLToPath(import.meta.url);
const toPosix = (path) => path.split(sep).join('/');

/**
 * Every package (fastify, better-sqlite3, pg, @node-rs/argon2, pdfkit…) stays an import of
 * node_modules: native modules and files a package reads beside itself keep working, and the
 * bundle holds only Sunlog's own TypeScript (@sunlog/* workspaces), which is what tsx compiled.
 * @type {import('esbuild').Plugin}
 */
const dependenciesStayExternal = {
  name: 'dependencies-stay-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@sunlog/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * `import.meta.url` in a bundled module would name the bundle, not the source file, so paths such
 * as `new URL('../../assets/fonts/…', import.meta.url)` would miss. Each use becomes the source
 * file's own URL, written relative to the bundle's directory (chunks sit there too), so the
 * repository can still be moved as a whole.
 * @param {string} outdir absolute path of the bundle's directory
 * @returns {import('esbuild').Plugin}
 */
function sourceImportMetaUrl(outdir) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromBundle = toPosix(relative(outdir, args.path));
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles one entry into a fresh directory and writes the manifest of its inputs (for isBuilt).
 * @param {{ entry: string, outdir: string }} bundle
 */
export async function buildBundle(bundle) {
  const { build } = await import('esbuild');
  const outdir = join(ROOT, bundle.outdir);
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { main: join(ROOT, bundle.entry) },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Class and function names stay as written (errors and logs show them).
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    banner: { js: '// Built by scripts/build.mjs from the TypeScript sources; do not edit.' },
    plugins: [dependenciesStayExternal, sourceImportMetaUrl(outdir)],
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) =>
    toPosix(relative(ROOT, join(process.cwd(), input))),
  );
  inputs.push(toPosix(relative(ROOT, THIS_FILE)));
  writeFileSync(manifestPath(bundleMain(bundle)), `${JSON.stringify(inputs.sort(), null, 2)}\n`);
}

/** Builds the bundles that are missing or older than their sources; returns the names built. */
export async function buildNode() {
  const built = [];
  for (const [name, bundle] of Object.entries(BUNDLES)) {
    if (isBuilt(bundleMain(bundle))) continue;
    await buildBundle(bundle);
    built.push(name);
  }
  return built;
}

/** The newest modification time among files under `path` (a file or a directory). */
function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** What the web build reads: its own sources and configuration, and core's. */
const WEB_INPUTS = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/core/src',
];

/** Builds the web app (vite) when packages/web/dist is missing or older than its sources. */
function buildWebIfStale() {
  const builtAt = statSync(join(ROOT, 'packages/web/dist/index.html'), { throwIfNoEntry: false })?.mtimeMs;
  const newest = Math.max(...WEB_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (builtAt !== undefined && builtAt >= newest) return false;
  execFileSync('npm', ['run', 'build', '-w', '@sunlog/web'], { cwd: ROOT, stdio: 'inherit' });
  return true;
}

if (process.argv[1] === THIS_FILE) {
  const web = process.argv.includes('--web') && buildWebIfStale();
  const built = await buildNode();
  if (web) built.unshift('web');
  console.log(built.length === 0 ? 'build: up to date' : `build: built ${built.join(', ')}`);
}
