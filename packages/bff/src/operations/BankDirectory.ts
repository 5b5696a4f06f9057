import { type SbpBank, sbpBanksResponseSchema } from '@mandarin-kit/core';
import type { MandarinClient } from '../upstream/MandarinClient.js';

const DAY_MS = 86_400_000;

/**
 * Mandarin's SBP bank directory, the source of truth for `bankId`/`bankBic`, fetched whole and cached for a
 * day (SPEC.md); searches run on the cached copy, so typing in a bank picker costs no upstream calls.
 */
export class BankDirectory {
  private banks: SbpBank[] | undefined;
  private fetchedAt = 0;
  private inflight: Promise<SbpBank[]> | undefined;

  constructor(
    private readonly mandarin: MandarinClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Banks whose name contains `query`, case-insensitively (all banks for an empty query). */
  async search(query: string): Promise<SbpBank[]> {
    const needle = query.trim().toLocaleLowerCase('ru');
    const banks = await this.all();
    return needle === '' ? banks : banks.filter((b) => b.bankName.toLocaleLowerCase('ru').includes(needle));
  }

  /** The bank with this SBP id, if Mandarin knows it. */
  async find(bankId: string): Promise<SbpBank | undefined> {
    return (await this.all()).find((b) => b.bankId === bankId);
  }

  private all(): Promise<SbpBank[]> {
    if (this.banks !== undefined && this.now() - this.fetchedAt < DAY_MS) return Promise.resolve(this.banks);
    this.inflight ??= this.mandarin
      .call('sbpBanks', { query: { bankName: '' }, schema: sbpBanksResponseSchema })
      .then((response) => {
        this.banks = response.banks;
        this.fetchedAt = this.now();
        return response.banks;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
