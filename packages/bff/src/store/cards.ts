import { text } from './codec.js';
import { first, type Row, type SqlDriver } from './SqlDriver.js';

/** A card binding (tokenized card) with its owner; only the masked number is ever kept. */
export interface CardRecord {
  id: string;
  ownerId: string;
  status: 'pending' | 'active' | 'failed';
  cardMasked: string | null;
  cardHolder: string | null;
  expiryMonth: string | null;
  expiryYear: string | null;
  createdAt: string;
}

const toCard = (r: Row): CardRecord => ({
  id: String(r.id),
  ownerId: String(r.owner_id),
  status: String(r.status) as CardRecord['status'],
  cardMasked: text(r.card_masked),
  cardHolder: text(r.card_holder),
  expiryMonth: text(r.expiry_month),
  expiryYear: text(r.expiry_year),
  createdAt: String(r.created_at),
});

/** Bound cards per user; a removed card stays for the record but is no longer usable or listed. */
export class CardTable {
  constructor(private readonly db: SqlDriver) {}

  async insert(c: CardRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO cards (id, owner_id, status, card_masked, card_holder, expiry_month, expiry_year, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.id, c.ownerId, c.status, c.cardMasked, c.cardHolder, c.expiryMonth, c.expiryYear, c.createdAt],
    );
  }

  /** The user's active card with this id, if it is theirs. */
  async getUsable(ownerId: string, id: string): Promise<CardRecord | undefined> {
    const row = await first(
      this.db,
      "SELECT * FROM cards WHERE id = ? AND owner_id = ? AND status = 'active' AND removed_at IS NULL",
      [id, ownerId],
    );
    return row && toCard(row);
  }

  async get(id: string): Promise<CardRecord | undefined> {
    const row = await first(this.db, 'SELECT * FROM cards WHERE id = ?', [id]);
    return row && toCard(row);
  }

  async listByOwner(ownerId: string): Promise<CardRecord[]> {
    const rows = await this.db.all(
      'SELECT * FROM cards WHERE owner_id = ? AND removed_at IS NULL ORDER BY created_at DESC, id',
      [ownerId],
    );
    return rows.map(toCard);
  }

  async complete(
    id: string,
    c: Pick<CardRecord, 'status' | 'cardMasked' | 'cardHolder' | 'expiryMonth' | 'expiryYear'>,
  ): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE cards SET status = ?, card_masked = ?, card_holder = ?, expiry_month = ?, expiry_year = ?
        WHERE id = ? AND status = 'pending'`,
      [c.status, c.cardMasked, c.cardHolder, c.expiryMonth, c.expiryYear, id],
    );
    return changes > 0;
  }

  async remove(ownerId: string, id: string): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE cards SET removed_at = ? WHERE id = ? AND owner_id = ? AND removed_at IS NULL',
      [new Date().toISOString(), id, ownerId],
    );
    return changes > 0;
  }
}
