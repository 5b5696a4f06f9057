import type { HostedOperation } from './HostedOperation.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#555}dd{margin:0}
.actions{display:flex;gap:1rem;margin-top:1.5rem}button{font:inherit;padding:.6rem 1.4rem;border-radius:.4rem;border:2px solid #1a1a1a;cursor:pointer}
button[value=pay]{background:#f60;border-color:#f60;color:#fff}button:focus-visible{outline:3px solid #06f;outline-offset:2px}
.note{color:#555;font-size:.875rem}`;

/** A complete, accessible HTML document: `lang`, a title, one `h1`, landmarks. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Mandarin Kit emulator</title><style>${STYLE}</style></head>
<body><main>${body}</main>
<footer><p class="note">Mandarin Kit emulator: no real money moves.</p></footer></body></html>`;
}

const OUTCOME: Record<HostedOperation['state'], string> = {
  open: 'Waiting for your decision.',
  processing: 'Processing…',
  success: 'Paid. You can close this page.',
  failed: 'Declined. No money was taken.',
};

/** The page for one operation: its summary and, while open, a form with Pay and Decline buttons. */
export function renderOperationPage(token: string, operation: HostedOperation): string {
  const rows = operation.summary
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const form =
    operation.state === 'open'
      ? `<form method="post" action="/Pay" aria-label="${escapeHtml(operation.title)}">
<input type="hidden" name="transaction" value="${escapeHtml(token)}">
<p class="note">Test card 4111 1111 1111 1111 is charged when you press Pay.</p>
<div class="actions"><button type="submit" name="decision" value="pay">Pay</button>
<button type="submit" name="decision" value="decline">Decline</button></div></form>`
      : `<p role="status">${escapeHtml(OUTCOME[operation.state])}</p>`;
  return layout(operation.title, `<h1>${escapeHtml(operation.title)}</h1><dl>${rows}</dl>${form}`);
}

/** A short page with a heading and one message (not found, already paid, outcome). */
export function renderMessagePage(title: string, message: string, link?: string): string {
  const back = link ? `<p><a href="${escapeHtml(link)}">Return to the shop</a></p>` : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1><p role="status">${escapeHtml(message)}</p>${back}`);
}
