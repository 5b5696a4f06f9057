/** The payer's choice on the hosted page. */
export type HostedDecision = 'pay' | 'decline';

/**
 * Something a person completes on the hosted page at `userWebLink`: a payment today, a card binding
 * later. The page only renders the summary and forwards the decision.
 */
export interface HostedOperation {
  /** Heading, e.g. "Payment". */
  title: string;
  /** Label/value rows shown to the payer. */
  summary: Array<[string, string]>;
  /** `open` shows the buttons; anything else shows the outcome. */
  state: 'open' | 'success' | 'failed' | 'processing';
  /** Where the payer goes afterwards (`urls.return`). */
  returnUrl?: string;
  decide(decision: HostedDecision): void;
}

/** Finds the operation behind a `transaction` query parameter, if this source owns it. */
export type HostedOperationSource = (token: string) => HostedOperation | undefined;
