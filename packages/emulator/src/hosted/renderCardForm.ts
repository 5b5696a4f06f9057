import type { CardField } from '../cards/cardInput.js';
import { CARD_FIELD_DEFS } from './cardFieldDefs.js';
import { escapeHtml } from './escapeHtml.js';

/**
 * The card inputs of the hosted page: a visible label per input, autofill tokens, and on a refused submit
 * an error summary (`role="alert"`) plus `aria-invalid`/`aria-describedby` on each wrong input. The CVV is
 * never written back into the page.
 */
export function renderCardInputs(
  errors: Partial<Record<CardField, string>>,
  values: Record<string, string>,
): string {
  const summary =
    Object.keys(errors).length > 0
      ? `<div class="errors" role="alert"><p>Check the card details:</p><ul>${Object.values(errors)
          .map((message) => `<li>${escapeHtml(message)}</li>`)
          .join('')}</ul></div>`
      : '';
  const inputs = CARD_FIELD_DEFS.map((def) => {
    const error = errors[def.field];
    const value = def.field === 'card-cvv' ? '' : (values[def.name] ?? '');
    const invalid = error ? ` aria-invalid="true" aria-describedby="${def.field}-error"` : '';
    return `<div class="field"><label for="${def.field}">${escapeHtml(def.label)}</label>
<input id="${def.field}" name="${def.name}" type="text" inputmode="${def.inputmode}" autocomplete="${def.autocomplete}" placeholder="${escapeHtml(def.placeholder)}" maxlength="${def.maxlength}" spellcheck="false" required${invalid} value="${escapeHtml(value)}">${
      error ? `<p class="error" id="${def.field}-error">${escapeHtml(error)}</p>` : ''
    }</div>`;
  }).join('\n');
  return `${summary}\n${inputs}`;
}
