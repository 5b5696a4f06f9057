import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the sandbox routes need: where the emulator is and where each provider's callbacks go. */
export interface SandboxContext {
  emulatorUrl: string;
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

/**
 * Demo-only helpers under `/demo/sandbox`, clearly marked in the UI: the emulator's OTP code (a real phone
 * would get an SMS), where the emulator is (its hosted card fields), and a panel that makes the emulator fire
 * the other providers' callbacks at the relay. None of this exists outside the demo.
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
