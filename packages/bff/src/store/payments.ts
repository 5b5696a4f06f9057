import { big, decodeRouting, encodeRouting, text } from './codec.js';
import { type KeysetPosition, ListQuery, type Page, pageOf } from './ListQuery.js';
import type { PaymentRecord, RefundRecord, SubMerchantRecord } from './records.js';
import { first, type Row, type SqlDriver } from './SqlDriver.js';

const toPayment = (r: Row): PaymentRecord => ({
  id: String(r.id),
  ownerId: String(r.owner_id),
  orderId: String(r.order_id),
  transactionId: text(r.transaction_id),
  captureOrderId: text(r.capture_order_id),
  captureTransactionId: text(r.capture_transaction_id),
  releaseOrderId: text(r.release_order_id),
  releaseTransactionId: text(r.release_transaction_id),
  failureMessage: text(r.failure_message),
  status: String(r.status) as PaymentRecord['status'],
  twoStep: big(r.two_step) === 1n,
  amount: big(r.amount),
  routing: decodeRouting(r.routing),
  payUrl: text(r.pay_url),
  jsOperationId: text(r.js_operation_id),
  customerEmail: String(r.customer_email),
  description: text(r.description),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

const toRefund = (r: Row): RefundRecord => ({
  id: String(r.id),
  paymentId: String(r.payment_id),
  orderId: String(r.order_id),
  transactionId: text(r.transaction_id),
  status: String(r.status) as RefundRecord['status'],
  amount: big(r.amount),
  routing: decodeRouting(r.routing),
  failureMessage: text(r.failure_message),
  createdAt: String(r.created_at),
});

const toSubMerchant = (r: Row): SubMerchantRecord => ({
  id: String(r.id),
  ownerId: String(r.owner_id),
  type: String(r.type),
  linkedAt: String(r.linked_at),
  label: text(r.label),
});

/** What a page of payments holds. */
export interface PaymentFilter {
  statuses?: readonly PaymentRecord['status'][] | undefined;
  orderId?: string | undefined;
  /** Inclusive, UTC ISO. */
  from?: string | undefined;
  /** Exclusive, UTC ISO. */
  to?: string | undefined;
  after?: KeysetPosition | undefined;
  limit: number;
}

/** Routed payments, their refunds and the sub-merchants they route to. */
export class PaymentTable {
  constructor(private readonly db: SqlDriver) {}

  async insert(p: PaymentRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO payments (id, owner_id, order_id, transaction_id, capture_order_id, capture_transaction_id, status,
        two_step, amount, routing, pay_url, js_operation_id, customer_email, created_at, updated_at, description)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id,
        p.ownerId,
        p.orderId,
        p.transactionId,
        p.captureOrderId,
        p.captureTransactionId,
        p.status,
        p.twoStep ? 1 : 0,
        p.amount,
        encodeRouting(p.routing),
        p.payUrl,
        p.jsOperationId,
        p.customerEmail,
        p.createdAt,
        p.updatedAt,
        p.description,
      ],
    );
  }

  async get(id: string): Promise<PaymentRecord | undefined> {
    const row = await first(this.db, 'SELECT * FROM payments WHERE id = ?', [id]);
    return row && toPayment(row);
  }

  async findByTransactionOrOrder(
    transactionId: string | null,
    orderId: string | null,
  ): Promise<PaymentRecord | undefined> {
    const row = await first(
      this.db,
      `SELECT * FROM payments WHERE transaction_id = ? OR order_id = ? OR capture_transaction_id = ?
        OR capture_order_id = ? OR release_transaction_id = ? OR release_order_id = ? LIMIT 1`,
      [transactionId, orderId, transactionId, orderId, transactionId, orderId],
    );
    return row && toPayment(row);
  }

  /** One page of payments, newest first, filtered; `orderId` matches any of a payment's orderIds exactly. */
  async page(f: PaymentFilter): Promise<Page<PaymentRecord>> {
    const [sql, params] = new ListQuery()
      .oneOf('status', f.statuses)
      .anyEq(['order_id', 'capture_order_id', 'release_order_id'], f.orderId)
      .period(f.from, f.to)
      .after(f.after)
      .select('payments', f.limit);
    return pageOf((await this.db.all(sql, params)).map(toPayment), f.limit);
  }

  async update(
    id: string,
    patch: Partial<
      Pick<
        PaymentRecord,
        | 'status'
        | 'transactionId'
        | 'routing'
        | 'payUrl'
        | 'jsOperationId'
        | 'captureOrderId'
        | 'captureTransactionId'
        | 'releaseOrderId'
        | 'releaseTransactionId'
      >
    >,
  ): Promise<void> {
    await this.db.run(
      `UPDATE payments SET status = COALESCE(?, status), transaction_id = COALESCE(?, transaction_id),
        capture_order_id = COALESCE(?, capture_order_id), capture_transaction_id = COALESCE(?, capture_transaction_id),
        release_order_id = COALESCE(?, release_order_id),
        release_transaction_id = COALESCE(?, release_transaction_id),
        routing = COALESCE(?, routing), pay_url = COALESCE(?, pay_url),
        js_operation_id = COALESCE(?, js_operation_id), updated_at = ? WHERE id = ?`,
      [
        patch.status ?? null,
        patch.transactionId ?? null,
        patch.captureOrderId ?? null,
        patch.captureTransactionId ?? null,
        patch.releaseOrderId ?? null,
        patch.releaseTransactionId ?? null,
        patch.routing === undefined ? null : encodeRouting(patch.routing),
        patch.payUrl ?? null,
        patch.jsOperationId ?? null,
        new Date().toISOString(),
        id,
      ],
    );
  }

  /**
   * Moves a payment from `from` to `to` (with Mandarin's words for a failure, and its id where the answer that
   * carried it was lost); false when it was elsewhere already (a late or repeated report).
   */
  async transition(
    id: string,
    from: PaymentRecord['status'],
    to: PaymentRecord['status'],
    how: { failureMessage?: string | null; transactionId?: string | null } = {},
  ): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE payments SET status = ?, failure_message = COALESCE(?, failure_message),
          transaction_id = COALESCE(transaction_id, ?), updated_at = ?
        WHERE id = ? AND status = ?`,
      [to, how.failureMessage ?? null, how.transactionId ?? null, new Date().toISOString(), id, from],
    );
    return changes > 0;
  }

  /** Forgets a release that Mandarin refused or failed: the hold can be captured or released again. */
  async clearRelease(id: string): Promise<void> {
    await this.db.run(
      'UPDATE payments SET release_order_id = NULL, release_transaction_id = NULL, updated_at = ? WHERE id = ?',
      [new Date().toISOString(), id],
    );
  }

  /** Moves a pending refund to its final status. */
  async finishRefund(
    id: string,
    status: 'success' | 'failed',
    how: { failureMessage?: string | null; transactionId?: string | null } = {},
  ): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE refunds SET status = ?, failure_message = ?, transaction_id = COALESCE(transaction_id, ?)
        WHERE id = ? AND status = 'pending'`,
      [status, how.failureMessage ?? null, how.transactionId ?? null, id],
    );
    return changes > 0;
  }

  async insertRefund(r: RefundRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO refunds (id, payment_id, order_id, transaction_id, status, amount, routing, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.id,
        r.paymentId,
        r.orderId,
        r.transactionId,
        r.status,
        r.amount,
        encodeRouting(r.routing),
        r.createdAt,
      ],
    );
  }

  async refunds(paymentId: string): Promise<RefundRecord[]> {
    const rows = await this.db.all('SELECT * FROM refunds WHERE payment_id = ? ORDER BY created_at, id', [
      paymentId,
    ]);
    return rows.map(toRefund);
  }

  /** The refunds of each of `paymentIds`, oldest first, in one query. */
  async refundsOf(paymentIds: readonly string[]): Promise<Map<string, RefundRecord[]>> {
    const byPayment = new Map<string, RefundRecord[]>(paymentIds.map((id) => [id, []]));
    if (paymentIds.length === 0) return byPayment;
    const rows = await this.db.all(
      `SELECT * FROM refunds WHERE payment_id IN (${paymentIds.map(() => '?').join(', ')})
        ORDER BY created_at, id`,
      paymentIds,
    );
    for (const r of rows.map(toRefund)) byPayment.get(r.paymentId)?.push(r);
    return byPayment;
  }

  async getRefund(id: string): Promise<RefundRecord | undefined> {
    const row = await first(this.db, 'SELECT * FROM refunds WHERE id = ?', [id]);
    return row && toRefund(row);
  }

  async findRefund(transactionId: string | null, orderId: string | null): Promise<RefundRecord | undefined> {
    const row = await first(
      this.db,
      'SELECT * FROM refunds WHERE transaction_id = ? OR order_id = ? LIMIT 1',
      [transactionId, orderId],
    );
    return row && toRefund(row);
  }

  async updateRefund(
    id: string,
    patch: Partial<Pick<RefundRecord, 'status' | 'transactionId'>>,
  ): Promise<void> {
    await this.db.run(
      'UPDATE refunds SET status = COALESCE(?, status), transaction_id = COALESCE(?, transaction_id) WHERE id = ?',
      [patch.status ?? null, patch.transactionId ?? null, id],
    );
  }

  async insertSubMerchant(s: SubMerchantRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO sub_merchants (id, owner_id, type, linked_at, label) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO NOTHING`,
      [s.id, s.ownerId, s.type, s.linkedAt, s.label],
    );
  }

  async subMerchants(): Promise<SubMerchantRecord[]> {
    const rows = await this.db.all('SELECT * FROM sub_merchants ORDER BY linked_at, id');
    return rows.map(toSubMerchant);
  }

  async getSubMerchant(id: string): Promise<SubMerchantRecord | undefined> {
    const row = await first(this.db, 'SELECT * FROM sub_merchants WHERE id = ?', [id]);
    return row && toSubMerchant(row);
  }

  /** Renames a sub-merchant of `ownerId` (null clears the label); false when it has no such sub-merchant. */
  async relabelSubMerchant(id: string, ownerId: string, label: string | null): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE sub_merchants SET label = ? WHERE id = ? AND owner_id = ?',
      [label, id, ownerId],
    );
    return changes > 0;
  }
}
