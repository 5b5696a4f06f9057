import type { EventEnvelope } from '@mandarin-kit/core';
import { useMandarinEvents } from '@mandarin-kit/ui';
import { useState } from 'react';
import { sandbox } from '../sandbox.js';

type Reply = Awaited<ReturnType<typeof sandbox.send>> & { key: number };

const providers: Array<{ provider: string; type?: string; label: string }> = [
  { provider: 'transfers', label: 'Transfer status (form, path token)' },
  { provider: 'gateway', label: 'Bank gateway (checksum)' },
  { provider: 'widget', type: 'check', label: 'Widget check (Content-HMAC)' },
  { provider: 'widget', type: 'pay', label: 'Widget pay (Content-HMAC)' },
  { provider: 'processing', label: 'Signed JSON processing (HMAC-SHA512)' },
];

/** Flow 4: what arrived over SSE, and the other providers' callbacks fired through the emulator. */
export function EventsPage() {
  const [events, setEvents] = useState<EventEnvelope[]>([]);
  const [replies, setReplies] = useState<Reply[]>([]);
  useMandarinEvents((event) => setEvents((all) => [event, ...all].slice(0, 100)));
  return (
    <>
      <section className="demo-card" aria-labelledby="fire-title">
        <h2 id="fire-title">Fire a provider callback</h2>
        <p className="demo-hint" role="note">
          Operator events (these callbacks) appear in the log when you are signed in as operator.
        </p>
        <div className="demo-buttons">
          {providers.map((p) => (
            <button
              key={p.label}
              type="button"
              onClick={async () => {
                const reply = await sandbox.send(p.provider, p.type);
                setReplies((all) => [{ ...reply, key: all.length }, ...all]);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
        <ul aria-label="Relay replies" data-testid="replies">
          {replies.map((r) => (
            <li key={r.key}>
              {r.provider}: HTTP {r.status} <code>{r.reply}</code>
            </li>
          ))}
        </ul>
      </section>
      <section className="demo-card" aria-labelledby="log-title">
        <h2 id="log-title">Event log</h2>
        <ol aria-live="polite" data-testid="event-log" className="demo-log">
          {events.map((e) => (
            <li key={e.id}>
              <code>#{e.id}</code> <strong>{e.type}</strong> <code>{JSON.stringify(e.data)}</code>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
