import { first, type SqlDriver } from './SqlDriver.js';

/** The reply a provider got for a callback; a repeat of the callback gets exactly the same one. */
export interface Ack {
  status: number;
  contentType: string;
  body: string;
}

/** A callback as received and verified, ready to be stored once. */
export interface InboxEntry {
  provider: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  ack: Ack;
}

/** Callbacks received, one row per (provider, dedupe key): the unique key is what makes delivery exactly-once. */
export class InboxTable {
  constructor(private readonly db: SqlDriver) {}

  /** Stores the entry unless its key was seen; returns the new row id, or the reply stored for the first one. */
  async insert(entry: InboxEntry): Promise<{ inserted: true; id: bigint } | { inserted: false; ack: Ack }> {
    const rows = await this.db.all(
      `INSERT INTO inbox (provider, dedupe_key, received_at, payload, ack_status, ack_type, ack_body)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING id`,
      [
        entry.provider,
        entry.dedupeKey,
        new Date().toISOString(),
        JSON.stringify(entry.payload),
        entry.ack.status,
        entry.ack.contentType,
        entry.ack.body,
      ],
    );
    if (rows[0] !== undefined) return { inserted: true, id: BigInt(rows[0].id as bigint | string) };
    const existing = await first(
      this.db,
      'SELECT ack_status, ack_type, ack_body FROM inbox WHERE provider = ? AND dedupe_key = ?',
      [entry.provider, entry.dedupeKey],
    );
    return {
      inserted: false,
      ack: {
        status: Number(existing!.ack_status),
        contentType: String(existing!.ack_type),
        body: String(existing!.ack_body),
      },
    };
  }

  async count(provider?: string): Promise<number> {
    const row =
      provider === undefined
        ? await first(this.db, 'SELECT COUNT(*) AS n FROM inbox')
        : await first(this.db, 'SELECT COUNT(*) AS n FROM inbox WHERE provider = ?', [provider]);
    return Number(row?.n ?? 0);
  }
}
