import type { CardField } from '../cards/cardInput.js';
import { escapeHtml } from './escapeHtml.js';
import type { HostedOperation } from './HostedOperation.js';
import { renderCardInputs } from './renderCardForm.js';

export { escapeHtml };

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#555}dd{margin:0}
.actions{display:flex;gap:1rem;margin-top:1.5rem}button{font:inherit;padding:.6rem 1.4rem;border-radius:.4rem;border:2px solid #1a1a1a;cursor:pointer}
.actions button:first-child{background:#f60;border-color:#f60;color:#fff}button:focus-visible{outline:3px solid #06f;outline-offset:2px}
.note{color:#555;font-size:.875rem}.field{display:grid;gap:.25rem;margin-top:1rem}label{font-weight:600}
input{font:inherit;padding:.5rem .6rem;border:2px solid #767676;border-radius:.4rem}input:focus-visible{outline:3px solid #06f;outline-offset:1px}
input[aria-invalid=true]{border-color:#b00020}.error,.errors{color:#b00020}.errors{border:2px solid #b00020;border-radius:.4rem;padding:0 1rem;margin-top:1rem}`;

/** A complete, accessible HTML document: `lang`, a title, one `h1`, landmarks. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Mandarin Kit emulator</title><style>${STYLE}</style></head>
<body><main>${body}</main>
<footer><p class="note">Mandarin Kit emulator: no real money moves.</p></footer></body></html>`;
}

/** Which inputs were refused and what was typed, when a card form comes back. */
export interface FormFeedback {
  errors: Partial<Record<CardField, string>>;
  values: Record<string, string>;
}

/**
 * The page for one operation: its summary and, while open, a POST form (card inputs for a binding) with
 * the operation's buttons. Secondary buttons skip browser validation, so Cancel works on an empty form.
 */
export function renderOperationPage(
  token: string,
  operation: HostedOperation,
  feedback: FormFeedback = { errors: {}, values: {} },
): string {
  const rows = operation.summary
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const buttons = operation.buttons
    .map(
      ([value, label], i) =>
        `<button type="submit" name="decision" value="${escapeHtml(value)}"${i > 0 && operation.form === 'card' ? ' formnovalidate' : ''}>${escapeHtml(label)}</button>`,
    )
    .join('\n');
  const inputs = operation.form === 'card' ? `${renderCardInputs(feedback.errors, feedback.values)}\n` : '';
  const form =
    operation.state === 'open'
      ? `<form method="post" action="/Pay" aria-label="${escapeHtml(operation.title)}">
<input type="hidden" name="transaction" value="${escapeHtml(token)}">
${inputs}<p class="note">${escapeHtml(operation.note)}</p>
<div class="actions">${buttons}</div></form>`
      : `<p role="status">${escapeHtml(operation.statusText)}</p>`;
  return layout(operation.title, `<h1>${escapeHtml(operation.title)}</h1><dl>${rows}</dl>${form}`);
}

/** A short page with a heading and one message (not found, already paid, outcome). */
export function renderMessagePage(title: string, message: string, link?: string): string {
  const back = link ? `<p><a href="${escapeHtml(link)}">Return to the shop</a></p>` : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1><p role="status">${escapeHtml(message)}</p>${back}`);
}
