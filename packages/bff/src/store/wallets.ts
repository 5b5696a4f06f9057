import { text } from './codec.js';
import type { WalletRecord } from './records.js';
import { first, type Row, type SqlDriver } from './SqlDriver.js';

const toWallet = (r: Row): WalletRecord => ({
  id: String(r.id),
  ownerId: String(r.owner_id),
  status: String(r.status),
  phoneMasked: String(r.phone_masked),
  contactPhone: String(r.contact_phone),
  contactEmail: String(r.contact_email),
  createdAt: String(r.created_at),
  processedAt: text(r.processed_at),
  finishedAt: text(r.finished_at),
});

/** Wallets (ESPs) with their owners. */
export class WalletTable {
  constructor(private readonly db: SqlDriver) {}

  async insert(w: WalletRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO wallets (id, owner_id, status, phone_masked, contact_phone, contact_email, created_at, processed_at,
        finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        w.id,
        w.ownerId,
        w.status,
        w.phoneMasked,
        w.contactPhone,
        w.contactEmail,
        w.createdAt,
        w.processedAt,
        w.finishedAt,
      ],
    );
  }

  async get(id: string): Promise<WalletRecord | undefined> {
    const row = await first(this.db, 'SELECT * FROM wallets WHERE id = ?', [id]);
    return row && toWallet(row);
  }

  async listByOwner(ownerId: string): Promise<WalletRecord[]> {
    const rows = await this.db.all('SELECT * FROM wallets WHERE owner_id = ? ORDER BY created_at DESC, id', [
      ownerId,
    ]);
    return rows.map(toWallet);
  }

  /** Takes a status read from Mandarin, except that `Processing` never replaces a later status. */
  async updateStatus(
    id: string,
    s: Pick<WalletRecord, 'status' | 'processedAt' | 'finishedAt'>,
  ): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE wallets SET status = ?, processed_at = ?, finished_at = ?
        WHERE id = ? AND NOT (? = 'Processing' AND status <> 'Processing')`,
      [s.status, s.processedAt, s.finishedAt, id, s.status],
    );
    return changes > 0;
  }

  /**
   * Applies a status reported at `statusAt` unless a newer report was applied already; `Processing` never
   * replaces a later status. Returns whether anything changed.
   */
  async applyStatus(id: string, status: string, statusAt: string): Promise<boolean> {
    const now = new Date().toISOString();
    const { changes } = await this.db.run(
      `UPDATE wallets SET status = ?, status_at = ?,
          processed_at = CASE WHEN ? <> 'Processing' AND processed_at IS NULL THEN ? ELSE processed_at END,
          finished_at = CASE WHEN ? IN ('Success', 'Failed') AND finished_at IS NULL THEN ? ELSE finished_at END
        WHERE id = ? AND (status_at IS NULL OR status_at < ?) AND NOT (? = 'Processing' AND status <> 'Processing')`,
      [status, statusAt, status, now, status, now, id, statusAt, status],
    );
    return changes > 0;
  }
}
