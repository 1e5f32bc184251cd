/**
 * PostgreSQL advisory-lock keys. Fixed numbers every instance agrees on.
 * - MIGRATION_LOCK: one instance migrates at a time.
 * - PURGE_LOCK: one purge at a time (taken exclusively, never waited for); placing a legal
 *   hold takes it shared for its transaction, so a hold and a purge never interleave.
 */
export const MIGRATION_LOCK = 72_061_001;
export const PURGE_LOCK = 72_061_002;
