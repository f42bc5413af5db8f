/** An error answered by the Comptoir API, with its status, code and (for a 400) the zod issues. */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** True when `error` is an {@link AdminApiError}. */
export function isAdminApiError(error: unknown): error is AdminApiError {
  return error instanceof Error && error.name === 'AdminApiError';
}

import type { AdminSession } from '@comptoir/sdk/client';

/** What `POST|GET /v1/admin/session` answers (the sdk's document). */
export type { AdminSession };

/** A response body together with the headers the page needs (the ETag). */
export interface ApiResult<T> {
  body: T;
  etag: string | null;
}

/**
 * The config page's client for the admin API. It relies on the HttpOnly session cookie and sends
 * the CSRF token on every write; it never sees or keeps the secret key after sign-in.
 */
export class AdminApi {
  private csrfToken = '';

  constructor(private readonly baseUrl = '') {}

  /** Signs in with the secret key; the key is sent once and never stored. */
  async signIn(secretKey: string): Promise<AdminSession> {
    const session = (await this.request<AdminSession>('POST', '/v1/admin/session', { secretKey }))
      .body;
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** The current session from the cookie, or null when signed out. */
  async currentSession(): Promise<AdminSession | null> {
    try {
      const session = (await this.request<AdminSession>('GET', '/v1/admin/session')).body;
      this.csrfToken = session.csrfToken;
      return session;
    } catch (error) {
      if (isAdminApiError(error) && (error.status === 401 || error.status === 403)) return null;
      throw error;
    }
  }

  /** Signs out and forgets the CSRF token. */
  async signOut(): Promise<void> {
    try {
      await this.request('DELETE', '/v1/admin/session');
    } finally {
      this.csrfToken = '';
    }
  }

  /** A GET that answers the parsed JSON body. */
  async get<T>(path: string): Promise<T> {
    return (await this.request<T>('GET', path)).body;
  }

  /** A POST that answers the parsed JSON body. */
  async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.request<T>('POST', path, body)).body;
  }

  /** Sends a request and answers its body and ETag; throws {@link AdminApiError} on an error status. */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResult<T>> {
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...headers },
    };
    const requestHeaders = init.headers as Record<string, string>;
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) {
      requestHeaders['X-CSRF-Token'] = this.csrfToken;
    }
    if (body !== undefined) {
      requestHeaders['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, init);
    } catch {
      throw new AdminApiError(0, 'network', `${method} ${path}: the server cannot be reached`);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!response.ok) {
      const error = (
        parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined
      )?.error;
      throw new AdminApiError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? `${method} ${path} failed with status ${response.status}`,
        error?.details,
      );
    }
    return { body: parsed as T, etag: response.headers.get('ETag') };
  }
}
