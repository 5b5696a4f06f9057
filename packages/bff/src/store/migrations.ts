/**
 * Schema migrations, applied in order at start and recorded in `schema_migrations`. The SQL is shared by
 * SQLite and PostgreSQL: amounts are BIGINT minor units, booleans are integers, times ISO text, JSON text.
 * Never edit a released migration; append a new one.
 */
/** A statement both dialects share, or one per dialect where they differ (auto-increment keys). */
export type MigrationStatement = string | { sqlite: string; postgres: string };

export const migrations: ReadonlyArray<{ version: number; name: string; sql: MigrationStatement[] }> = [
  {
    version: 1,
    name: 'owners, operations, payments, idempotency, rate limits',
    sql: [
      `CREATE TABLE wallets (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, status TEXT NOT NULL, phone_masked TEXT NOT NULL,
        contact_phone TEXT NOT NULL, contact_email TEXT NOT NULL, created_at TEXT NOT NULL, processed_at TEXT, finished_at TEXT)`,
      'CREATE INDEX wallets_owner ON wallets (owner_id, created_at)',
      `CREATE TABLE operations (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, kind TEXT NOT NULL, wallet_id TEXT, order_id TEXT NOT NULL UNIQUE,
        transaction_id TEXT UNIQUE, status TEXT NOT NULL, amount BIGINT NOT NULL, destination_masked TEXT,
        sbp TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
      'CREATE INDEX operations_owner ON operations (owner_id, created_at)',
      `CREATE TABLE payments (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, order_id TEXT NOT NULL UNIQUE, transaction_id TEXT UNIQUE,
        capture_order_id TEXT UNIQUE, capture_transaction_id TEXT UNIQUE, status TEXT NOT NULL, two_step INTEGER NOT NULL, amount BIGINT NOT NULL, routing TEXT NOT NULL,
        pay_url TEXT, js_operation_id TEXT, customer_email TEXT NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE TABLE refunds (
        id TEXT PRIMARY KEY, payment_id TEXT NOT NULL REFERENCES payments (id), order_id TEXT NOT NULL UNIQUE,
        transaction_id TEXT UNIQUE, status TEXT NOT NULL, amount BIGINT NOT NULL, routing TEXT NOT NULL,
        created_at TEXT NOT NULL)`,
      'CREATE INDEX refunds_payment ON refunds (payment_id, created_at)',
      `CREATE TABLE sub_merchants (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, type TEXT NOT NULL, linked_at TEXT NOT NULL)`,
      `CREATE TABLE idempotency_keys (
        owner_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, order_id TEXT NOT NULL,
        state TEXT NOT NULL, status INTEGER, body TEXT, created_at TEXT NOT NULL, PRIMARY KEY (owner_id, key))`,
      `CREATE TABLE cards (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, status TEXT NOT NULL, card_masked TEXT, card_holder TEXT,
        expiry_month TEXT, expiry_year TEXT, created_at TEXT NOT NULL, removed_at TEXT)`,
      'CREATE INDEX cards_owner ON cards (owner_id, created_at)',
      `CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count INTEGER NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'callback inbox, event log, wallet status order',
    sql: [
      {
        sqlite:
          'CREATE TABLE inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL, dedupe_key TEXT NOT NULL, received_at TEXT NOT NULL, payload TEXT NOT NULL, ack_status INTEGER NOT NULL, ack_type TEXT NOT NULL, ack_body TEXT NOT NULL, UNIQUE (provider, dedupe_key))',
        postgres:
          'CREATE TABLE inbox (id BIGSERIAL PRIMARY KEY, provider TEXT NOT NULL, dedupe_key TEXT NOT NULL, received_at TEXT NOT NULL, payload TEXT NOT NULL, ack_status INTEGER NOT NULL, ack_type TEXT NOT NULL, ack_body TEXT NOT NULL, UNIQUE (provider, dedupe_key))',
      },
      {
        sqlite:
          'CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, owner_id TEXT, audience TEXT NOT NULL, type TEXT NOT NULL, occurred_at TEXT NOT NULL, data TEXT NOT NULL, inbox_id BIGINT, hook_state TEXT NOT NULL, hook_attempts INTEGER NOT NULL DEFAULT 0, hook_next_at BIGINT NOT NULL DEFAULT 0)',
        postgres:
          'CREATE TABLE events (seq BIGSERIAL PRIMARY KEY, owner_id TEXT, audience TEXT NOT NULL, type TEXT NOT NULL, occurred_at TEXT NOT NULL, data TEXT NOT NULL, inbox_id BIGINT, hook_state TEXT NOT NULL, hook_attempts INTEGER NOT NULL DEFAULT 0, hook_next_at BIGINT NOT NULL DEFAULT 0)',
      },
      'CREATE INDEX events_owner ON events (owner_id, seq)',
      'CREATE INDEX events_audience ON events (audience, seq)',
      'CREATE INDEX events_hook ON events (hook_state, hook_next_at)',
      // When the status a wallet shows was reported; an older report never overwrites a newer one.
      'ALTER TABLE wallets ADD COLUMN status_at TEXT',
    ],
  },
  {
    version: 3,
    name: 'rate-limit expiry, session versions, event stream leases',
    sql: [
      // Counters of one-off keys (a phone, an address) would pile up for ever without an end to prune by.
      'ALTER TABLE rate_limits ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0',
      'CREATE INDEX rate_limits_expiry ON rate_limits (expires_at)',
      // A session cookie is good only while it carries its user's current version; signing out bumps it.
      'CREATE TABLE session_versions (user_id TEXT PRIMARY KEY, version INTEGER NOT NULL)',
      // One row per open event stream, renewed by its instance while open, so that caps hold across instances
      // and the streams of an instance that died stop counting once their lease runs out.
      'CREATE TABLE stream_leases (id TEXT PRIMARY KEY, instance TEXT NOT NULL, address TEXT NOT NULL, expires_at BIGINT NOT NULL)',
      'CREATE INDEX stream_leases_address ON stream_leases (address, expires_at)',
      'CREATE INDEX stream_leases_instance ON stream_leases (instance)',
    ],
  },
  {
    version: 4,
    name: 'reconciliation queue, failure reasons, inferred statuses, released holds',
    sql: [
      // Everything that waits for Mandarin's word, due for a status read once its callback is overdue.
      `CREATE TABLE reconcile_queue (
        kind TEXT NOT NULL, id TEXT NOT NULL, due_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, id))`,
      'CREATE INDEX reconcile_queue_due ON reconcile_queue (due_at)',
      `INSERT INTO reconcile_queue (kind, id, due_at) SELECT 'operation', id, 0 FROM operations
        WHERE status IN ('pending', 'awaiting_confirmation')`,
      "INSERT INTO reconcile_queue (kind, id, due_at) SELECT 'payment', id, 0 FROM payments WHERE status = 'pending'",
      "INSERT INTO reconcile_queue (kind, id, due_at) SELECT 'refund', id, 0 FROM refunds WHERE status = 'pending'",
      `INSERT INTO reconcile_queue (kind, id, due_at) SELECT 'card', id, 0 FROM cards
        WHERE status = 'pending' AND removed_at IS NULL`,
      `INSERT INTO reconcile_queue (kind, id, due_at) SELECT 'wallet', id, 0 FROM wallets
        WHERE status NOT IN ('Success', 'Failed', 'Blocked', 'Suspended')`,
      // Mandarin's reason for a failure, and whether a status was inferred by the BFF (Mandarin's word overrides it).
      'ALTER TABLE operations ADD COLUMN failure_code TEXT',
      'ALTER TABLE operations ADD COLUMN failure_message TEXT',
      'ALTER TABLE operations ADD COLUMN status_inferred INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE payments ADD COLUMN failure_message TEXT',
      // A released (voided) hold: its reversal's own orderId and id. SQLite can't add a UNIQUE column: indexes.
      'ALTER TABLE payments ADD COLUMN release_order_id TEXT',
      'ALTER TABLE payments ADD COLUMN release_transaction_id TEXT',
      'CREATE UNIQUE INDEX payments_release_order ON payments (release_order_id)',
      'CREATE UNIQUE INDEX payments_release_transaction ON payments (release_transaction_id)',
      'ALTER TABLE refunds ADD COLUMN failure_message TEXT',
      'ALTER TABLE payments ADD COLUMN description TEXT',
    ],
  },
  {
    version: 5,
    name: 'paged history and payments, sub-merchant labels',
    sql: [
      // A wallet's history and the payments list are read newest first by (created_at, id), page after page.
      'CREATE INDEX operations_wallet_history ON operations (wallet_id, created_at, id)',
      'CREATE INDEX payments_created ON payments (created_at, id)',
      'CREATE INDEX payments_status_created ON payments (status, created_at, id)',
      'ALTER TABLE sub_merchants ADD COLUMN label TEXT',
    ],
  },
  {
    version: 6,
    name: 'event log ordered by transaction, without a global lock',
    sql: [
      // The transaction that stored each event (see EventCursor in events.ts): readers order by (tx, seq) and
      // read only below the xmin horizon, so concurrent writers need no lock to keep streams resumable. Events
      // stored before keep tx 0, so their order (and the plain-seq ids clients may hold) stays as it was.
      // SQLite has one writer and commits in seq order: its tx stays 0.
      {
        sqlite: 'ALTER TABLE events ADD COLUMN tx BIGINT NOT NULL DEFAULT 0',
        postgres:
          "ALTER TABLE events ADD COLUMN tx xid8 NOT NULL DEFAULT '0', ALTER COLUMN tx SET DEFAULT pg_current_xact_id()",
      },
      'DROP INDEX events_owner',
      'DROP INDEX events_audience',
      'CREATE INDEX events_position ON events (tx, seq)',
      'CREATE INDEX events_owner_position ON events (owner_id, tx, seq)',
      'CREATE INDEX events_audience_position ON events (audience, tx, seq)',
    ],
  },
];
