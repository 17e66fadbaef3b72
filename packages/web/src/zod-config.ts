import { config } from 'zod';

/**
 * Zod speeds up object parsing by compiling code with `new Function`; the strict CSP forbids eval,
 * and even zod's probe for it is reported as a CSP violation. Jitless mode never tries.
 * Imported first by main.tsx so it is set before any schema parses.
 */
config({ jitless: true });
