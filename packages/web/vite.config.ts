import react from '@vitejs/plugin-react';
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
 * The service worker (Workbox generateSW) precaches the app shell so Sunlog opens with no network.
 * It never caches /api: health data lives only in the server and, while offline, in the outbox
 * (src/offline/). Registered from src/offline/service-worker.ts, never by an inline script (CSP).
 */
const pwa = VitePWA({
  strategies: 'generateSW',
  injectRegister: false,
  registerType: 'autoUpdate',
  filename: 'sw.js',
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
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
    navigateFallback: 'index.html',
    // Navigations to the API or the health check must reach the server, never the cached shell.
    navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/healthz(\/|$)/],
    // No runtimeCaching: every /api request goes to the network and is never stored by the worker.
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    // Keep the Workbox runtime in its own file: the strict CSP allows same-origin scripts only.
    inlineWorkboxRuntime: false,
    sourcemap: false,
  },
});

/**
 * The server sends a strict Content-Security-Policy (`script-src 'self'; style-src 'self'`), so the
 * build must not emit anything inline: no module-preload polyfill script and no data: URIs for assets.
 */
export default defineConfig({
  plugins: [react(), markStylesheetForReactAria(), pwa],
  build: {
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
});
