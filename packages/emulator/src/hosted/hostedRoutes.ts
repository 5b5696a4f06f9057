import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { readForm } from '../http/readBody.js';
import type { HostedOperationSource } from './HostedOperation.js';
import { renderMessagePage, renderOperationPage } from './renderPage.js';

function sendHtml(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
}

/**
 * The hosted payment page at `userWebLink`: `GET /Pay?transaction=…` shows the operation, and the form
 * posts the decision back to `POST /Pay`. Plain HTML forms, so a person, a browser test or `fetch` can drive it.
 */
export function registerHostedRoutes(router: Router, sources: HostedOperationSource[]): void {
  const find = (token: string) => {
    for (const source of sources) {
      const operation = source(token);
      if (operation) return operation;
    }
    return undefined;
  };

  router.get('/Pay', (ctx) => {
    const token = typeof ctx.query.transaction === 'string' ? ctx.query.transaction : '';
    const operation = find(token);
    if (!operation) {
      sendHtml(ctx, 404, renderMessagePage('Payment not found', `No payment ${token} is known here.`));
      return;
    }
    sendHtml(ctx, 200, renderOperationPage(token, operation));
  });

  router.post('/Pay', async (ctx) => {
    const form = await readForm(ctx);
    const operation = find(form.transaction ?? '');
    if (!operation) {
      sendHtml(ctx, 404, renderMessagePage('Payment not found', 'This payment is not known here.'));
      return;
    }
    if (form.decision !== 'pay' && form.decision !== 'decline') {
      sendHtml(ctx, 400, renderMessagePage('Choose Pay or Decline', 'The form was sent without a decision.'));
      return;
    }
    if (operation.state !== 'open') {
      sendHtml(ctx, 409, renderMessagePage(operation.title, 'This payment has already been decided.'));
      return;
    }
    operation.decide(form.decision);
    if (operation.returnUrl) {
      ctx.redirect(operation.returnUrl);
      ctx.status = 303;
      return;
    }
    const paid = form.decision === 'pay';
    sendHtml(
      ctx,
      200,
      renderMessagePage(
        paid ? 'Payment accepted' : 'Payment declined',
        paid ? 'Thank you.' : 'No money was taken.',
      ),
    );
  });
}
