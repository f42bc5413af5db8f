import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the API answers as `{ error: { code, message, details? } }` with its status. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    /** The HTTP status. */
    readonly status: ContentfulStatusCode,
    /** A stable, machine-readable code such as `invalid_key`. */
    readonly code: string,
    message: string,
    /** Extra data for the client (the zod issues of a 400). */
    readonly details?: unknown,
    /** Headers to add to the answer (`Retry-After`, `Allow`). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** True when `error` is an {@link ApiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Something the request names does not exist (or belongs to another shop: same answer). */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';

  constructor(what: string) {
    super(404, 'not_found', `${what} was not found`);
  }
}

/** True when `error` is a {@link NotFoundError}. */
export function isNotFoundError(error: unknown): error is NotFoundError {
  return error instanceof NotFoundError;
}
