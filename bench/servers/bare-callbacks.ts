// Bench helper process: the ingestion baseline. A bare node:http handler that reads a form body and stores it
// durably under a unique key, with the same storage settings as the BFF (SQLite WAL, synchronous=NORMAL, one
// row per callback; or one PostgreSQL INSERT through a pool of the BFF's default size). No signature check,
// no schema, no event log, no SSE, no Koa: what storing a callback durably costs with nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pg, Sqlite } from '../bffDeps.js';
import { announce, control } from './control.js';

const target = process.argv[2] ?? 'sqlite';
const TABLE =
  'CREATE TABLE IF NOT EXISTS bare_inbox (id BIGSERIAL PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL, payload TEXT NOT NULL)';
let insert: (key: string, payload: string) => Promise<void> | void;
let count: () => Promise<number> | number;
let close: () => Promise<void> | void;

if (target === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'mk-bench-bare-'));
  const db = new Sqlite(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(TABLE.replace('BIGSERIAL', 'INTEGER').replace('PRIMARY KEY', 'PRIMARY KEY AUTOINCREMENT'));
  const statement = db.prepare(
    'INSERT INTO bare_inbox (dedupe_key, received_at, payload) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const counter = db.prepare('SELECT COUNT(*) AS n FROM bare_inbox');
  insert = (key, payload) => void statement.run(key, new Date().toISOString(), payload);
  count = () => Number((counter.get() as { n: number }).n);
  close = () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
} else {
  const pool = new pg.Pool({ connectionString: target, max: 10, application_name: 'mandarin-kit-bench' });
  await pool.query(TABLE);
  insert = async (key, payload) => {
    await pool.query(
      'INSERT INTO bare_inbox (dedupe_key, received_at, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [key, new Date().toISOString(), payload],
    );
  };
  count = async () => Number((await pool.query('SELECT COUNT(*) AS n FROM bare_inbox')).rows[0]!.n);
  close = () => pool.end();
}

const server = http.createServer((req, res) => {
  if (control(req, res, async () => ({ inbox: await count() }))) return;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      await insert(`transaction:${fields.transaction ?? fields.orderId}`, JSON.stringify(fields));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    } catch {
      res.writeHead(503).end();
    }
  });
});
server.listen(0, '127.0.0.1', () => announce(server));
process.on('SIGTERM', async () => {
  server.closeAllConnections();
  server.close();
  await close();
  process.exit(0);
});
