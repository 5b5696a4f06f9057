import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '@mandarin-kit/bff';

/** What the sandbox routes need: where the emulator is, where the BFF answers, and the store for test cards. */
export interface SandboxContext {
  emulatorUrl: string;
  selfUrl: () => string;
  store: () => Store;
  providerUrls: () => Record<'transfers' | 'gateway' | 'widget' | 'processing', string>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 16_384) throw new Error('too large');
  }
  return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
}

/** The session user, asked of the BFF itself with the browser's cookie (the demo has no user system). */
async function me(ctx: SandboxContext, req: IncomingMessage): Promise<{ id: string } | undefined> {
  const response = await fetch(`${ctx.selfUrl()}/api/me`, { headers: { cookie: req.headers.cookie ?? '' } });
  return response.ok ? ((await response.json()) as { id: string }) : undefined;
}

/**
 * Demo-only helpers under `/demo/sandbox`, clearly marked in the UI: the emulator's OTP code (a real phone
 * would get an SMS), a test card for top-ups until card binding is wired in, and a panel that makes the
 * emulator fire the other providers' callbacks at the relay. None of this exists outside the demo.
 */
export function sandboxRoutes(ctx: SandboxContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      const otp = /^\/demo\/sandbox\/otp\/([0-9a-f-]{36})$/.exec(url.pathname);
      if (req.method === 'GET' && otp) {
        const response = await fetch(`${ctx.emulatorUrl}/__emulator/esp/${otp[1]}/otp`);
        return json(res, response.status, response.ok ? await response.json() : { error: 'no code yet' });
      }
      if (req.method === 'GET' && url.pathname === '/demo/sandbox/config') {
        return json(res, 200, { emulatorUrl: ctx.emulatorUrl });
      }
      if (req.method === 'POST' && url.pathname === '/demo/sandbox/cards') {
        const user = await me(ctx, req);
        if (user === undefined) return json(res, 401, { error: 'no session' });
        const card = {
          id: randomUUID(),
          ownerId: user.id,
          status: 'active' as const,
          cardMasked: '•••• 1111',
          cardHolder: 'SANDBOX CARD',
          expiryMonth: '12',
          expiryYear: '2030',
          createdAt: new Date().toISOString(),
        };
        await ctx.store().cards.insert(card);
        return json(res, 201, { id: card.id, cardMasked: card.cardMasked });
      }
      const send = /^\/demo\/sandbox\/send\/(transfers|gateway|widget|processing)$/.exec(url.pathname);
      if (req.method === 'POST' && send) {
        const provider = send[1] as 'transfers' | 'gateway' | 'widget' | 'processing';
        const urls = ctx.providerUrls();
        const body = await readBody(req);
        const type = typeof body.type === 'string' ? body.type : 'pay';
        const target = provider === 'widget' ? `${urls.widget}/${type}` : urls[provider];
        const sent = await fetch(`${ctx.emulatorUrl}/__emulator/send/${provider}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url: target, maxAttempts: 1, ...(provider === 'widget' ? { type } : {}) }),
        });
        const { id } = (await sent.json()) as { id: string };
        for (let i = 0; i < 200; i++) {
          const delivery = (await (await fetch(`${ctx.emulatorUrl}/__emulator/callbacks/${id}`)).json()) as {
            state: string;
            attempts: Array<{ status: number | null; body: string }>;
            decisionCode?: number | null;
          };
          if (delivery.state !== 'pending' && delivery.attempts.length > 0) {
            const last = delivery.attempts.at(-1)!;
            return json(res, 200, {
              provider,
              state: delivery.state,
              status: last.status,
              reply: last.body,
              decisionCode: delivery.decisionCode ?? null,
            });
          }
          await new Promise((r) => setTimeout(r, 25));
        }
        return json(res, 504, { error: 'the emulator did not finish sending' });
      }
      json(res, 404, { error: 'unknown sandbox route' });
    } catch {
      json(res, 400, { error: 'bad sandbox request' });
    }
  };
}
