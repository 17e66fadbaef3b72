#!/usr/bin/env node
// The `sunlog` command. Sunlog's sources are TypeScript run through tsx (see docs/decisions.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
