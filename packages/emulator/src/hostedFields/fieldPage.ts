import type { CardFieldDef } from '../hosted/cardFieldDefs.js';
import { escapeHtml } from '../hosted/escapeHtml.js';

const STYLE = `html,body{margin:0;padding:0;height:100%;background:transparent;overflow:hidden}
input{box-sizing:border-box;width:100%;height:100%;margin:0;padding:0 .6em;border:0;outline:0;background:transparent;
font:16px/1.2 system-ui,sans-serif;color:#1a1a1a}input::placeholder{color:#767676}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}`;

/**
 * The document inside one hosted-field iframe: a single labelled input (a visually hidden `<label>`, since
 * the host page shows its own caption; the iframe itself carries a `title`), an `aria-live` region for its
 * error, and the field script. Focus and error are drawn by the host page on the container, from the state
 * classes, so the input itself is unstyled.
 */
export function renderFieldPage(def: CardFieldDef, styleNonce: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(def.label)}</title><style nonce="${styleNonce}">${STYLE}</style></head>
<body><label class="sr-only" for="field">${escapeHtml(def.label)}</label>
<input id="field" name="${def.name}" type="text" inputmode="${def.inputmode}" autocomplete="${def.autocomplete}" placeholder="${escapeHtml(def.placeholder)}" maxlength="${def.maxlength}" spellcheck="false" aria-invalid="false" aria-describedby="field-error" data-error="${escapeHtml(def.errorText)}">
<p id="field-error" class="sr-only" aria-live="polite"></p>
<script src="/hosted/field.js"></script></body></html>`;
}
