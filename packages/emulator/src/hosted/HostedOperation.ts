import type { CardField } from '../cards/cardInput.js';

/** What the page shows once the operation has been decided (or while it is processing). */
export interface HostedOutcome {
  /** Heading of the result page, e.g. "Payment accepted". */
  heading: string;
  message: string;
}

/** The result of a submitted form: decided (show the outcome or go back) or refused field by field. */
export type HostedSubmitResult =
  | { kind: 'decided'; outcome: HostedOutcome }
  | { kind: 'invalid'; errors: Partial<Record<CardField, string>> };

/**
 * Something a person completes on the hosted page at `userWebLink`: a payment (Pay/Decline buttons) or a
 * card binding (card inputs with Bind card/Cancel). The page renders the summary and the form, and
 * forwards what was submitted; the operation decides.
 */
export interface HostedOperation {
  /** Heading, e.g. "Payment". */
  title: string;
  /** Label/value rows shown to the payer. */
  summary: Array<[string, string]>;
  /** `open` shows the form; anything else shows `statusText`. */
  state: 'open' | 'success' | 'failed' | 'processing';
  /** The line shown instead of the form once the operation is no longer open. */
  statusText: string;
  /** `decision`: buttons only; `card`: card number, holder, expiry and CVV inputs above the buttons. */
  form: 'decision' | 'card';
  /** The submit buttons as `[value, label]`; the first is the primary action. */
  buttons: Array<[string, string]>;
  /** A line of help above the buttons (the test cards). */
  note: string;
  /** Where the payer goes afterwards (`urls.return`). */
  returnUrl?: string;
  /** Called with the button's value (one of `buttons`) and every submitted form field. */
  submit(decision: string, fields: Record<string, string>): HostedSubmitResult;
}

/** Finds the operation behind a `transaction` query parameter, if this source owns it. */
export type HostedOperationSource = (token: string) => HostedOperation | undefined;
