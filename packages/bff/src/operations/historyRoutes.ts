import { Readable } from 'node:stream';
import Router from '@koa/router';
import { MAX_PAGE_LIMIT, type OperationHistoryQuery } from '@mandarin-kit/core';
import type { Context } from 'koa';
import { userOf } from '../api/context.js';
import { nextCursor, readCursor } from '../api/pageCursor.js';
import { ok, type RouteInput, route } from '../api/route.js';
import { ownedWallet } from '../api/wallets.js';
import type { BffDeps } from '../BffDeps.js';
import type { OperationFilter } from '../store/operations.js';
import { historyRow } from './historyRow.js';
import { operationsCsvHeader, operationsCsvRecords } from './operationsCsv.js';

async function filterOf(
  ctx: Context,
  deps: BffDeps,
  req: RouteInput<'listOperations' | 'operationsCsv'>,
): Promise<[OperationFilter, OperationHistoryQuery]> {
  const wallet = await ownedWallet(ctx, deps, req.params.walletId);
  const q = req.query();
  const filter = {
    ownerId: userOf(ctx).id,
    walletId: wallet.id,
    kinds: q.kind,
    statuses: q.status,
    from: q.from,
    to: q.to,
    after: readCursor(q.cursor),
    limit: q.limit,
  };
  return [filter, q];
}

/** A wallet's history for its owner: a page at a time as JSON, or every filtered row as a CSV download. */
export function historyRoutes(deps: BffDeps): Router {
  const router = new Router();

  route(router, 'listOperations', async (ctx, req) => {
    const [filter] = await filterOf(ctx, deps, req);
    const page = await deps.store.operations.page(filter);
    return ok({ operations: page.rows.map(historyRow), nextCursor: nextCursor(page) });
  });

  // Every row the filters match (from `cursor` on, when one is given), streamed a bounded page at a time: the
  // first page is read before the answer starts, so that a failure then is still an error body.
  route(router, 'operationsCsv', async (ctx, req) => {
    const [filter, q] = await filterOf(ctx, deps, req);
    const read = (after: OperationFilter['after']) =>
      deps.store.operations.page({ ...filter, after, limit: MAX_PAGE_LIMIT });
    const first = await read(filter.after);
    async function* csv() {
      yield operationsCsvHeader;
      for (let page = first; ; page = await read(page.rows.at(-1))) {
        yield operationsCsvRecords(page.rows.map(historyRow));
        if (!page.more) return;
      }
    }
    const day = (q.to ?? new Date().toISOString()).slice(0, 10);
    ctx.set(
      'Content-Disposition',
      `attachment; filename="operations-${filter.walletId.slice(0, 8)}-${day}.csv"`,
    );
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/csv; charset=utf-8';
    return ok(Readable.from(csv()));
  });

  return router;
}
