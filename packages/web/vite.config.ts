import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
 * The server sends a strict Content-Security-Policy (`script-src 'self'; style-src 'self'`), so the
 * build must not emit anything inline: no module-preload polyfill script and no data: URIs for assets.
 */
export default defineConfig({
  plugins: [react(), markStylesheetForReactAria()],
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
