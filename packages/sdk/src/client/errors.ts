/** An error from the Comptoir API (with the server's `code`), or a request that never got an answer. */
export class ComptoirApiError extends Error {
  override name = 'ComptoirApiError';
  /** The server's message alone, without the request (what a page shows a person). */
  readonly reason: string;

  constructor(
    /** The HTTP status; 0 when no answer came (timeout, network). */
    readonly status: number,
    /** The server's error code (`invalid_key`, `rate_limited`…), or `timeout`, `network_error`, `invalid_response`. */
    readonly code: string,
    message: string,
    /** The request's method. */
    readonly method: string,
    /** The request's URL. */
    readonly url: string,
    /** The server's details (zod issues for a 400). */
    readonly details?: unknown,
  ) {
    super(`${message} (${method} ${url}${status ? `: ${status}` : ''})`);
    this.reason = message;
  }
}

/** True when `error` is a {@link ComptoirApiError}. */
export function isComptoirApiError(error: unknown): error is ComptoirApiError {
  return error instanceof Error && error.name === 'ComptoirApiError';
}
