import { createClient, isComptoirApiError, type ComptoirClient } from '@comptoir/sdk/client';

/** The sdk's admin API, as the config page uses it: the session cookie and its CSRF token. */
export type AdminClient = ComptoirClient['admin'];

/**
 * The config page's client: the sdk's `createClient(...).admin` on this origin. It relies on the
 * HttpOnly session cookie and sends the CSRF token on every write; it never keeps the secret key
 * after sign-in. No retries (the merchant presses the button again) and a long timeout (a test
 * email waits for the mail relay).
 */
export function createAdminClient(origin = location.origin): AdminClient {
  return createClient({ apiUrl: origin, retries: 0, timeout: 60_000 }).admin;
}

/** True when the API answered `status` (an expired session, a stale version, a missing item). */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return isComptoirApiError(error) && statuses.includes(error.status);
}

/**
 * What to show a person for a failed request: the server's own message, or `unreachable` when no
 * answer came (network, timeout), or the error's text for anything else.
 */
export function errorText(error: unknown, unreachable: string): string {
  if (!isComptoirApiError(error)) return String(error);
  if (error.status === 0) return unreachable;
  return error.reason;
}
