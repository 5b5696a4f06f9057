import type { EventEnvelope } from '@mandarin-kit/core';
import { useMandarinEvents } from '@mandarin-kit/ui';
import { useState } from 'react';
import type { DemoKey } from '../messages.js';
import { sandbox } from '../sandbox.js';
import { useDemoText } from '../useDemoText.js';

type Reply = Awaited<ReturnType<typeof sandbox.send>> & { key: number };

const providers: Array<{ provider: string; type?: string; label: DemoKey }> = [
  { provider: 'transfers', label: 'events.provider.transfers' },
  { provider: 'gateway', label: 'events.provider.gateway' },
  { provider: 'widget', type: 'check', label: 'events.provider.widgetCheck' },
  { provider: 'widget', type: 'pay', label: 'events.provider.widgetPay' },
  { provider: 'processing', label: 'events.provider.processing' },
];

/** Flow 4: what arrived over SSE, and the other providers' callbacks fired through the emulator. */
export function EventsPage() {
  const t = useDemoText();
  const [events, setEvents] = useState<EventEnvelope[]>([]);
  const [replies, setReplies] = useState<Reply[]>([]);
  useMandarinEvents((event) => setEvents((all) => [event, ...all].slice(0, 100)));
  return (
    <div className="demo-grid">
      <section className="demo-panel" aria-labelledby="fire-title">
        <h2 id="fire-title">{t('events.fire')}</h2>
        <p className="demo-note">{t('events.fireHint')}</p>
        <div className="demo-buttons">
          {providers.map((p) => (
            <button
              key={p.label}
              type="button"
              className="demo-button demo-button--secondary"
              onClick={async () => {
                const reply = await sandbox.send(p.provider, p.type);
                setReplies((all) => [{ ...reply, key: all.length }, ...all]);
              }}
            >
              {t(p.label)}
            </button>
          ))}
        </div>
        <h3 id="replies-title">{t('events.replies')}</h3>
        {replies.length === 0 && <p className="demo-note">{t('events.noReplies')}</p>}
        <ul aria-labelledby="replies-title" data-testid="replies" className="demo-log">
          {replies.map((r) => (
            <li key={r.key}>
              {r.provider}: HTTP {r.status} <code>{r.reply}</code>
            </li>
          ))}
        </ul>
      </section>
      <section className="demo-panel" aria-labelledby="log-title">
        <h2 id="log-title">{t('events.log')}</h2>
        {events.length === 0 && <p className="demo-note">{t('events.empty')}</p>}
        <ol aria-live="polite" aria-labelledby="log-title" data-testid="event-log" className="demo-log">
          {events.map((e) => (
            <li key={e.id}>
              <code>#{e.id}</code> <strong>{e.type}</strong> <code>{JSON.stringify(e.data)}</code>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
