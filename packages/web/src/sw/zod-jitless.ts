/**
 * Imported first by sw.ts, so it runs before any module that builds a zod schema: as in the page
 * (public/zod-jitless.js), zod must never compile parsers with `new Function`, which the strict CSP
 * forbids (even zod's probe for it is reported as a violation).
 */
const scope = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
