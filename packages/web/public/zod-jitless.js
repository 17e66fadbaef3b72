// Runs before any module: zod 4 reads its settings from globalThis.__zod_globalConfig, and in
// "jitless" mode never compiles parsers with `new Function`. The strict CSP forbids eval, and even
// zod's probe for it (made when the first object schema is built) is reported as a violation.
// A classic script is the only way to set this before the code-split chunks that build schemas.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });
