import { type TransactionResponse, transactionResponseSchema } from '@mandarin-kit/core';
import type { Logger } from 'pino';
import { type MandarinClient, OutcomeUnknown, UpstreamRejected } from './MandarinClient.js';

/** What became of a request that moves money. */
export type MoneyRequestResult =
  /** Mandarin created it: here is its answer. */
  | { kind: 'created'; response: TransactionResponse }
  /**
   * Mandarin may or may not have it (an answer lost, or its orderId seen before): nothing may be concluded, it
   * stays pending until Mandarin's word (callback, status read, reconciliation).
   */
  | { kind: 'unknown' }
  /** Mandarin refused it and created nothing: its words and error code. */
  | { kind: 'refused'; error: UpstreamRejected };

/**
 * Sends a transaction request that carries an `orderId` (Mandarin's idempotency key), re-sending the same body
 * after a lost answer. Outcomes the BFF can't know are returned as `unknown`, never as a failure.
 */
export async function sendMoneyRequest(
  mandarin: MandarinClient,
  logger: Logger,
  route: 'transactionCreate' | 'routedTransactionCreate',
  body: unknown,
): Promise<MoneyRequestResult> {
  try {
    const response = await mandarin.call(route, {
      body,
      schema: transactionResponseSchema,
      repeatable: true,
    });
    return { kind: 'created', response };
  } catch (error) {
    if (error instanceof OutcomeUnknown) {
      logger.warn(
        { upstream: route, duplicate: error.duplicate },
        'money request outcome unknown: pending until Mandarin reports it',
      );
      return { kind: 'unknown' };
    }
    if (error instanceof UpstreamRejected) return { kind: 'refused', error };
    throw error;
  }
}
