/**
 * The HTTP server replaces whatever a client sends in this header with a keyed hash of the
 * client's address (lib/rate-limit/client-key.ts), so code behind it can limit abuse without
 * ever seeing the address.
 */
export const CLIENT_KEY_HEADER = 'x-hjelpelinje-client';
