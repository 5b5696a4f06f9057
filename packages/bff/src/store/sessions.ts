import { first, type SqlDriver } from './SqlDriver.js';

/**
 * The current session version of each user who ever signed out or changed roles (everyone else is at 0). A
 * session cookie names the version it was issued at and is refused once the user's version moves past it, on
 * every instance that shares the database.
 */
export class SessionTable {
  constructor(private readonly db: SqlDriver) {}

  async version(userId: string): Promise<number> {
    const row = await first(this.db, 'SELECT version FROM session_versions WHERE user_id = ?', [userId]);
    return row === undefined ? 0 : Number(row.version);
  }

  /** Revokes every cookie issued to `userId` so far; returns the version a new cookie must carry. */
  async bump(userId: string): Promise<number> {
    const rows = await this.db.all(
      `INSERT INTO session_versions (user_id, version) VALUES (?, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = session_versions.version + 1
        RETURNING version`,
      [userId],
    );
    return Number(rows[0]?.version ?? 1);
  }
}
