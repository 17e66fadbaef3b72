/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker built by vite-plugin-pwa (dist/sw.js, scope "/"), which precaches the
 * app shell so Sunlog opens with no network. It never caches /api (see vite.config.ts).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
