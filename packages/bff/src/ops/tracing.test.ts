import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { type Context, type ContextManager, context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardWallet } from '../testkit/flows.js';
import { stackMandarin } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';
import { nodeTransport, type Transport } from '../upstream/transport.js';
import { loadOtelApi, type SpanLike, type TracerProviderLike } from './Tracing.js';

/** What an SDK registers so that the active context follows awaits: here, the smallest such manager. */
function asyncContextManager(): ContextManager {
  const storage = new AsyncLocalStorage<Context>();
  const manager: ContextManager = {
    active: () => storage.getStore() ?? ROOT_CONTEXT,
    with: (ctx, fn, thisArg, ...args) => storage.run(ctx, () => fn.call(thisArg, ...args)),
    bind: (_ctx, target) => target,
    enable: () => manager,
    disable: () => {
      storage.disable();
      return manager;
    },
  };
  return manager;
}

interface Recorded {
  name: string;
  kind: number | undefined;
  attributes: Record<string, unknown>;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  status: number | undefined;
  ended: boolean;
}

/** The smallest tracer provider: records every span with its parent, as an SDK would export it. */
function recordingProvider(): TracerProviderLike & { spans: Recorded[] } {
  const spans: Recorded[] = [];
  return {
    spans,
    getTracer: () => ({
      startSpan(name, options, context) {
        const parent = context === undefined ? undefined : trace.getSpan(context as Context)?.spanContext();
        const record: Recorded = {
          name,
          kind: options?.kind,
          attributes: { ...options?.attributes },
          traceId: parent?.traceId ?? randomBytes(16).toString('hex'),
          spanId: randomBytes(8).toString('hex'),
          parentSpanId: parent?.spanId,
          status: undefined,
          ended: false,
        };
        spans.push(record);
        const span: SpanLike & Record<string, unknown> = {
          setAttribute(key, value) {
            record.attributes[key] = value;
            return span;
          },
          setStatus({ code }) {
            record.status = code;
            return span;
          },
          updateName(newName) {
            record.name = newName;
            return span;
          },
          spanContext: () => ({ traceId: record.traceId, spanId: record.spanId, traceFlags: 1 }),
          end() {
            record.ended = true;
          },
          isRecording: () => true,
        };
        return span;
      },
    }),
  };
}

/** The transport the BFF uses, recording the headers of each attempt. */
function watchedTransport(): Transport & { sent: Array<Record<string, string>> } {
  const sent: Array<Record<string, string>> = [];
  const transport = ((target, init) => {
    sent.push(init.headers);
    return nodeTransport(target, init);
  }) as Transport & { sent: typeof sent };
  transport.sent = sent;
  return transport;
}

describe('traces', () => {
  const stack = stackSuite();
  beforeAll(() => {
    context.setGlobalContextManager(asyncContextManager());
  });
  afterAll(() => {
    context.disable();
  });

  it('traces a browser request and the upstream attempt it causes, with the request id, and sends no traceparent', async () => {
    const provider = recordingProvider();
    const transport = watchedTransport();
    const bff = await stack.anotherBff({
      tracing: { tracerProvider: provider },
      mandarin: { ...stackMandarin(stack), transport },
    });
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 10_000n);
    const viaTraced = stack.client(bff.url).withCookieOf(owner);
    const reply = await viaTraced.get(`/api/wallets/${walletId}/balance`);
    expect(reply.status).toBe(200);
    const requestId = reply.headers.get('x-request-id')!;

    const server = provider.spans.find(
      (s) => s.attributes['mandarin_kit.request_id'] === requestId && s.kind === 1,
    )!;
    expect(server).toMatchObject({
      name: 'GET /api/wallets/:walletId/balance',
      ended: true,
      attributes: { 'http.route': '/api/wallets/:walletId/balance', 'http.response.status_code': 200 },
    });
    const upstream = provider.spans.filter((s) => s.parentSpanId === server.spanId);
    expect(upstream.map((s) => s.name)).toEqual(['mandarin espBalance']);
    expect(upstream[0]).toMatchObject({
      kind: 2,
      traceId: server.traceId,
      ended: true,
      attributes: { 'mandarin_kit.request_id': requestId, 'mandarin_kit.outcome': 'ok' },
    });
    // Nothing in a span names the wallet, the user or an amount.
    expect(JSON.stringify(provider.spans)).not.toContain(walletId);
    expect(JSON.stringify(provider.spans)).not.toContain('100.00');
    expect(transport.sent.length).toBeGreaterThan(0);
    expect(transport.sent.every((headers) => headers.traceparent === undefined)).toBe(true);
  });

  it('sends W3C traceparent to Mandarin only when asked, naming the attempt’s span', async () => {
    const provider = recordingProvider();
    const transport = watchedTransport();
    const bff = await stack.anotherBff({
      tracing: { tracerProvider: provider, propagateToMandarin: true },
      mandarin: { ...stackMandarin(stack), transport },
    });
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 10_000n);
    await stack.client(bff.url).withCookieOf(owner).get(`/api/wallets/${walletId}/balance`);
    const attempt = provider.spans.find((s) => s.name === 'mandarin espBalance')!;
    const balanceCall = transport.sent.find((h) => h.traceparent?.includes(attempt.spanId));
    expect(balanceCall?.traceparent).toBe(`00-${attempt.traceId}-${attempt.spanId}-01`);
  });

  it('traces each callback under its request, with how it ended', async () => {
    const provider = recordingProvider();
    const bff = await stack.anotherBff({ tracing: { tracerProvider: provider } });
    const fields = {
      orderId: 'trace-order-1',
      transaction: 'dddd0000dddd0000dddd0000dddd0001',
      status: 'success',
    };
    const keys = Object.keys(fields).sort() as Array<keyof typeof fields>;
    const sign = createHash('sha256')
      .update(`${keys.map((k) => fields[k]).join('-')}-${DEFAULT_CREDENTIALS.secret}`)
      .digest('hex');
    const post = (body: string) =>
      fetch(`${bff.url}/callbacks/mandarin`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await post(new URLSearchParams({ ...fields, sign }).toString())).status).toBe(200);
    expect((await post(new URLSearchParams({ ...fields, sign: 'f'.repeat(64) }).toString())).status).toBe(
      401,
    );
    const callbacks = provider.spans.filter((s) => s.name === 'callback mandarin');
    expect(callbacks.map((s) => s.attributes['mandarin_kit.outcome'])).toEqual(['stored', 'refused']);
    for (const span of callbacks) {
      const parent = provider.spans.find((s) => s.spanId === span.parentSpanId)!;
      expect(parent.name).toBe('POST /callbacks/mandarin');
      expect(span.attributes['mandarin_kit.request_id']).toBe(parent.attributes['mandarin_kit.request_id']);
    }
    expect(JSON.stringify(provider.spans)).not.toContain('trace-order-1');
  });

  it('runs untraced when @opentelemetry/api is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package '@opentelemetry/api'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(await loadOtelApi(() => Promise.reject(missing))).toBeUndefined();
    const untraced = await stack.anotherBff({ tracing: false });
    expect(untraced.app.ops.tracingActive).toBe(false);
    expect((await fetch(`${untraced.url}/healthz`)).status).toBe(200);
  });
});
