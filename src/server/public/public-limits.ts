import type { RateLimit } from './rate-limit';

const hour = 3_600_000;

/** A citizen files a few cases at most; a script filing hundreds is stopped at the fifth. */
export const submitLimit: RateLimit = { action: 'submit', limit: 5, windowMs: hour };
/** Access-to-information requests have their own budget: a complaint does not spend it. */
export const infoRequestSubmitLimit: RateLimit = {
  action: 'submit_info_request',
  limit: 5,
  windowMs: hour,
};
/**
 * Checking progress often is fine; trying secrets by the thousand is not. One budget for both
 * registers: a secret guessed on either route is the same attack.
 */
export const statusLimit: RateLimit = { action: 'status', limit: 60, windowMs: hour };
/** Only figures computed afresh count: a cached answer costs the server nothing. */
export const statisticsLimit: RateLimit = { action: 'statistics', limit: 60, windowMs: hour };
/** The largest form: 5,000 Arabic characters of description, escaped, and the rest. */
export const publicBodyLimitBytes = 64 * 1024;
