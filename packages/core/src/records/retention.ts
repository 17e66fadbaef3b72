/**
 * How long Sunlog keeps what a person removed or replaced: a deleted record can be restored, and an
 * earlier version of an edited record read, for this many days; then both are erased for good. Long
 * enough to undo a mistake noticed at the next monthly check-in, short enough that "deleted" soon means
 * gone. The web app says the same number where it offers Undo.
 */
export const RETENTION_DAYS = 30;
