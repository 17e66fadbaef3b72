import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * React Aria injects a <style> element for pressable elements unless one with this id already
 * exists; the strict CSP (`style-src 'self'`) would refuse that inline style. So the built stylesheet
 * link carries the id, and styles.css holds the same touch-action rule.
 */
const REACT_ARIA_STYLE_ID = 'react-aria-pressable-style';

function markStylesheetForReactAria(): Plugin {
  return {
    name: 'sunlog:mark-stylesheet-for-react-aria',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const marked = html.replace(
          '<link rel="stylesheet"',
          `<link id="${REACT_ARIA_STYLE_ID}" rel="stylesheet"`,
        );
        if (marked === html) throw new Error('index.html has no stylesheet link to mark for React Aria');
        return marked;
      },
    },
  };
}

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the highest
 * levels; the server sends them to browsers that accept them (@fastify/static `preCompressed`). The
 * first load is then about a third of its raw size on the wire, with no compression work per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'sunlog:precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: async (_options, bundle) => {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(?:js|css|html|svg|webmanifest)$/.test(fileName)) continue;
        const path = join(outDir, fileName);
        const bytes = await readFile(path);
        await writeFile(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The service worker is our own (src/sw/sw.ts, built by vite-plugin-pwa's injectManifest): it precaches
 * the app shell so Sunlog opens with no network, exactly as the generated worker did, and also shows
 * reminder notifications and handles their Taken / Snooze actions. It never caches /api: health data
 * lives only in the server and, while offline, in the outbox (src/offline/). Registered from
 * src/offline/service-worker.ts, never by an inline script (CSP).
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'sw.ts',
  injectRegister: false,
  registerType: 'autoUpdate',
  manifestFilename: 'manifest.webmanifest',
  includeAssets: ['favicon.svg'],
  manifest: {
    name: 'Sunlog',
    short_name: 'Sunlog',
    description: 'A vitamin D and symptom journal for people with MS.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fbf8f1',
    theme_color: '#fbf8f1',
    icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  injectManifest: {
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
    // One self-contained classic script: no imports at run time, nothing inline (the CSP allows
    // same-origin scripts only).
    rollupFormat: 'iife',
    // Unminified: the worker stays readable for anyone checking what it does with their data.
    minify: false,
    sourcemap: false,
  },
});

/**
 * The app is written against React's API (and typed with @types/react) but renders with Preact's
 * compatibility layer: React, React DOM and the scheduler were 68 kB of the 126 kB (gzip) first-load
 * script, which is 67 kB with Preact instead. Every import of React, React DOM and the JSX runtime, in the app and in its
 * libraries (React Aria, TanStack Query), resolves to preact/compat here, and every build (the one the
 * browser tests drive and the one that ships) goes through this file. See docs/decisions.md.
 */
const renderer = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

/**
 * The server sends a strict Content-Security-Policy (`script-src 'self'; style-src 'self'`), so the
 * build must not emit anything inline: no module-preload polyfill script and no data: URIs for assets.
 */
export default defineConfig({
  plugins: [markStylesheetForReactAria(), pwa, precompress()],
  resolve: { alias: renderer },
  // JSX compiles to the automatic runtime (react/jsx-runtime, aliased above).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // TanStack Query marks its hooks "use client" for React Server Components, which a browser bundle
      // does not have; the directive has no meaning here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
      output: {
        // Everything the entry imports statically in one chunk: the first load is then one script and
        // one stylesheet instead of about twenty small files, each a round trip on a slow phone network
        // (Lighthouse). What loads on demand still splits as before.
        codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
});
