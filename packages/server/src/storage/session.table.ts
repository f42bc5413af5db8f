import type { Selectable } from 'kysely';

/** The `sessions` table: the config page's signed-in sessions. */
export interface SessionsTable {
  /** SHA-256 of the session token held in the cookie, hex. */
  id: string;
  shop_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** A `sessions` row as read. */
export type SessionRow = Selectable<SessionsTable>;
