/**
 * The earliest year a date may carry: nothing a person records about themselves is older
 * (kept apart from common.ts so the web app's first load can read it without zod). The latest
 * (next year) needs the clock, which core never reads: the server checks it (records/service.ts).
 */
export const EARLIEST_YEAR = 1900;
