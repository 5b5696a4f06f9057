import { big, text } from './codec.js';
import { type KeysetPosition, ListQuery, type Page, pageOf } from './ListQuery.js';
import type { FailureReason, OperationRecord } from './records.js';
import { first, type Row, type SqlDriver } from './SqlDriver.js';

const toOperation = (r: Row): OperationRecord => ({
  id: String(r.id),
  ownerId: String(r.owner_id),
  kind: String(r.kind) as OperationRecord['kind'],
  walletId: text(r.wallet_id),
  orderId: String(r.order_id),
  transactionId: text(r.transaction_id),
  status: String(r.status) as OperationRecord['status'],
  amount: big(r.amount),
  destinationMasked: text(r.destination_masked),
  sbp: r.sbp === null || r.sbp === undefined ? null : JSON.parse(String(r.sbp)),
  failure:
    r.failure_message === null || r.failure_message === undefined
      ? null
      : { code: text(r.failure_code), message: String(r.failure_message) },
  statusInferred: Number(r.status_inferred ?? 0) === 1,
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

/** What a page of a wallet's history holds. */
export interface OperationFilter {
  ownerId: string;
  walletId: string;
  kinds?: readonly OperationRecord['kind'][] | undefined;
  statuses?: readonly OperationRecord['status'][] | undefined;
  /** Inclusive, UTC ISO. */
  from?: string | undefined;
  /** Exclusive, UTC ISO. */
  to?: string | undefined;
  after?: KeysetPosition | undefined;
  limit: number;
}

/** Wallet operations (payouts, top-ups, transfers) with their owners. */
export class OperationTable {
  constructor(private readonly db: SqlDriver) {}

  async insert(o: OperationRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO operations (id, owner_id, kind, wallet_id, order_id, transaction_id, status, amount,
        destination_masked, sbp, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        o.id,
        o.ownerId,
        o.kind,
        o.walletId,
        o.orderId,
        o.transactionId,
        o.status,
        o.amount,
        o.destinationMasked,
        o.sbp === null ? null : JSON.stringify(o.sbp),
        o.createdAt,
        o.updatedAt,
      ],
    );
  }

  async get(id: string): Promise<OperationRecord | undefined> {
    const row = await first(this.db, 'SELECT * FROM operations WHERE id = ?', [id]);
    return row && toOperation(row);
  }

  async findByTransactionOrOrder(
    transactionId: string | null,
    orderId: string | null,
  ): Promise<OperationRecord | undefined> {
    const row = await first(
      this.db,
      'SELECT * FROM operations WHERE transaction_id = ? OR order_id = ? LIMIT 1',
      [transactionId, orderId],
    );
    return row && toOperation(row);
  }

  /**
   * What a transaction callback is about, in one statement: the operation with this transaction or order id,
   * and whether a refund or a payment has one (the caller reads that row only then). A callback for something
   * the BFF never created (the operator stream) costs one round trip instead of three (issue 21).
   */
  async findForCallback(
    transactionId: string | null,
    orderId: string | null,
  ): Promise<{ operation: OperationRecord | undefined; refund: boolean; payment: boolean }> {
    const row = await first(
      this.db,
      `SELECT o.*,
          EXISTS (SELECT 1 FROM refunds WHERE transaction_id = ? OR order_id = ?) AS mk_refund,
          EXISTS (SELECT 1 FROM payments WHERE transaction_id = ? OR order_id = ? OR capture_transaction_id = ?
            OR capture_order_id = ? OR release_transaction_id = ? OR release_order_id = ?) AS mk_payment
        FROM (SELECT 1 AS one) anchor
        LEFT JOIN operations o
          ON o.id = (SELECT id FROM operations WHERE transaction_id = ? OR order_id = ? LIMIT 1)`,
      [
        transactionId,
        orderId,
        ...[transactionId, orderId, transactionId, orderId, transactionId, orderId],
        transactionId,
        orderId,
      ],
    );
    // EXISTS is a boolean on PostgreSQL, 0 or 1 on SQLite.
    return {
      operation: row === undefined || row.id === null ? undefined : toOperation(row),
      refund: Number(row?.mk_refund ?? 0) === 1,
      payment: Number(row?.mk_payment ?? 0) === 1,
    };
  }

  /** One page of a wallet's history, newest first, filtered; `after` is where the page before ended. */
  async page(f: OperationFilter): Promise<Page<OperationRecord>> {
    const [sql, params] = new ListQuery()
      .eq('owner_id', f.ownerId)
      .eq('wallet_id', f.walletId)
      .oneOf('kind', f.kinds)
      .oneOf('status', f.statuses)
      .period(f.from, f.to)
      .after(f.after)
      .select('operations', f.limit);
    return pageOf((await this.db.all(sql, params)).map(toOperation), f.limit);
  }

  /**
   * Records Mandarin's id of a created operation, and that it awaits the payer's confirmation; a status that a
   * callback stored meanwhile is never taken back.
   */
  async attach(id: string, transactionId: string, awaitingConfirmation: boolean): Promise<void> {
    await this.db.run(
      `UPDATE operations SET transaction_id = COALESCE(transaction_id, ?),
          status = CASE WHEN status = 'pending' AND ? = 1 THEN 'awaiting_confirmation' ELSE status END,
          updated_at = ? WHERE id = ?`,
      [transactionId, awaitingConfirmation ? 1 : 0, new Date().toISOString(), id],
    );
  }

  /** The payer confirmed a two-step SBP payout: it is Mandarin's to finish now (unless a callback did already). */
  async confirmed(id: string): Promise<void> {
    await this.db.run(
      `UPDATE operations SET status = 'pending', updated_at = ? WHERE id = ? AND status = 'awaiting_confirmation'`,
      [new Date().toISOString(), id],
    );
  }

  async update(id: string, patch: Partial<Pick<OperationRecord, 'status' | 'transactionId'>>): Promise<void> {
    await this.db.run(
      `UPDATE operations SET status = COALESCE(?, status), transaction_id = COALESCE(?, transaction_id),
        updated_at = ? WHERE id = ?`,
      [patch.status ?? null, patch.transactionId ?? null, new Date().toISOString(), id],
    );
  }

  /**
   * Moves an unfinished operation to its final status. A status Mandarin reported never changes again; one the
   * BFF inferred (`inferred`) gives way to a different status Mandarin reports later. `transactionId` fills in
   * Mandarin's id where the answer that carried it was lost.
   */
  async finish(
    id: string,
    status: 'success' | 'failed' | 'rejected',
    how: { inferred: boolean; failure: FailureReason | null; transactionId: string | null },
  ): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE operations SET status = ?, status_inferred = ?, failure_code = ?, failure_message = ?,
          transaction_id = COALESCE(transaction_id, ?), updated_at = ?
        WHERE id = ? AND (status IN ('pending', 'awaiting_confirmation')
          OR (status_inferred = 1 AND ? = 0 AND status <> ?))`,
      [
        status,
        how.inferred ? 1 : 0,
        status === 'success' ? null : (how.failure?.code ?? null),
        status === 'success' ? null : (how.failure?.message ?? null),
        how.transactionId,
        new Date().toISOString(),
        id,
        how.inferred ? 1 : 0,
        status,
      ],
    );
    return changes > 0;
  }
}
