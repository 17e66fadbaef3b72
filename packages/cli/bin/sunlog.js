#!/usr/bin/env node
// The `sunlog` command. It runs the JavaScript bundle that `npm install` and `npm start` build
// (scripts/build.mjs) when that bundle matches the sources, and otherwise the TypeScript sources
// through tsx, which is slower to start but always current (see docs/decisions.md).
// SUNLOG_FROM_SOURCE=1 asks for the sources even when the bundle is current.
import { fileURLToPath } from 'node:url';
import { isBuilt } from '../../../scripts/built.mjs';

const bundle = new URL('../dist/main.js', import.meta.url);
// biome-ignore lint/style/noProcessEnv: read before anything else loads, to choose what runs.
if (process.env.SUNLOG_FROM_SOURCE !== '1' && isBuilt(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
