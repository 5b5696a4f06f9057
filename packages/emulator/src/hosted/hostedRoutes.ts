import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { readForm } from '../http/readBody.js';
import type { HostedOperationSource } from './HostedOperation.js';
import { renderMessagePage, renderOperationPage } from './renderPage.js';

function sendHtml(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  // Card data may be echoed back into a refused form: never let a cache keep the page.
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
}

/**
 * The hosted page at `userWebLink`: `GET /Pay?transaction=…` shows the operation (a payment, or a card
 * binding with card inputs), and the form posts back to `POST /Pay`. Plain HTML forms, so a person, a
 * browser test or `fetch` can drive it.
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
    const token = form.transaction ?? '';
    const operation = find(token);
    if (!operation) {
      sendHtml(ctx, 404, renderMessagePage('Payment not found', 'This payment is not known here.'));
      return;
    }
    const labels = operation.buttons.map(([, label]) => label);
    if (!operation.buttons.some(([value]) => value === form.decision)) {
      const choice = `Choose ${labels.join(' or ')}`;
      sendHtml(ctx, 400, renderMessagePage(choice, 'The form was sent without a decision.'));
      return;
    }
    if (operation.state !== 'open') {
      sendHtml(ctx, 409, renderMessagePage(operation.title, 'This has already been decided.'));
      return;
    }
    const result = operation.submit(form.decision!, form);
    if (result.kind === 'invalid') {
      // Nothing was decided: the same form again, with what to fix (422 so scripts can tell).
      sendHtml(ctx, 422, renderOperationPage(token, operation, { errors: result.errors, values: form }));
      return;
    }
    if (operation.returnUrl) {
      ctx.redirect(operation.returnUrl);
      ctx.status = 303;
      return;
    }
    sendHtml(ctx, 200, renderMessagePage(result.outcome.heading, result.outcome.message));
  });
}
