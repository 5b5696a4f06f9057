import { createHash, randomBytes } from 'node:crypto';
import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { CARD_FIELDS, type CardField } from '../cards/cardInput.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { cardFieldDef } from '../hosted/cardFieldDefs.js';
import { renderMessagePage } from '../hosted/renderPage.js';
import { HttpError } from '../http/HttpError.js';
import { requestOrigin } from '../http/origin.js';
import { readJson } from '../http/readBody.js';
import { FIELD_JS, HOSTED_JS } from './browserScripts.generated.js';
import { renderFieldPage } from './fieldPage.js';
import { processHostedFields } from './processHostedFields.js';

/** A static script: cacheable, revalidated by a content hash, readable from any origin. */
function serveScript(ctx: Context, source: string, etag: string): void {
  ctx.set('Access-Control-Allow-Origin', '*');
  // Host pages with COEP load it cross-origin; it holds no secrets.
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('ETag', etag);
  if (ctx.get('if-none-match') === etag) {
    ctx.status = 304;
    return;
  }
  ctx.type = 'text/javascript; charset=utf-8';
  ctx.body = source;
}

const etagOf = (source: string) => `"${createHash('sha256').update(source).digest('hex').slice(0, 16)}"`;

/** `https://shop.test` exactly (no path, no trailing slash), or null. */
function httpOrigin(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/**
 * Mandarin's hosted card fields: the script host pages load (`/api/hosted.js`), the document of each field
 * iframe (`/hosted/field`) with its script, and `/hosted/process`, where the card-number iframe sends the
 * collected card data.
 */
export function registerHostedFieldRoutes(router: Router, emulator: EmulatorContext): void {
  const hostedEtag = etagOf(HOSTED_JS);
  const fieldEtag = etagOf(FIELD_JS);
  router.get('/api/hosted.js', (ctx) => serveScript(ctx, HOSTED_JS, hostedEtag));
  router.get('/hosted/field.js', (ctx) => serveScript(ctx, FIELD_JS, fieldEtag));

  router.get('/hosted/field', (ctx) => {
    const field = ctx.query.field;
    const parent = httpOrigin(ctx.query.parent);
    const valid =
      typeof field === 'string' &&
      (CARD_FIELDS as readonly string[]).includes(field) &&
      parent !== null &&
      typeof ctx.query.op === 'string' &&
      /^[A-Za-z0-9]{1,64}$/.test(ctx.query.op) &&
      typeof ctx.query.channel === 'string' &&
      /^[A-Za-z0-9]{8,64}$/.test(ctx.query.channel);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html; charset=utf-8';
    if (!valid) {
      ctx.status = 400;
      ctx.body = renderMessagePage(
        'Invalid card field',
        'Expected field, op, parent (an http(s) origin) and channel parameters.',
      );
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    // Only the declared parent may frame the field, which is what lets the frame trust `parent` as the
    // origin to answer; the frame's own script talks only to this origin.
    ctx.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        "script-src 'self'",
        `style-src 'nonce-${nonce}'`,
        "connect-src 'self'",
        `frame-ancestors ${parent}`,
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = renderFieldPage(cardFieldDef(field as CardField), nonce);
  });

  router.post('/hosted/process', async (ctx) => {
    // Only the field iframes (this origin) post here; a page elsewhere can't, even with a simple form post.
    const origin = ctx.get('origin');
    if (origin !== '' && origin !== requestOrigin(ctx) && origin !== emulator.options.publicUrl) {
      throw new HttpError(403, 'Card data is accepted from the hosted fields only');
    }
    if (!ctx.get('content-type').toLowerCase().startsWith('application/json')) {
      throw new HttpError(415, 'Expected application/json');
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = processHostedFields(emulator, await readJson(ctx));
  });
}
