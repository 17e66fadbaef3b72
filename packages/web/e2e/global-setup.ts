import { buildWebApp, skipReason } from './harness.ts';

/** Builds the web app once for the whole browser suite; the server serves packages/web/dist. */
export async function setup(): Promise<void> {
  if (skipReason !== undefined) return;
  await buildWebApp();
}
