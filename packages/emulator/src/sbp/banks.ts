import type { SbpBank } from '@mandarin-kit/core';

/** A small SBP directory with real participant ids and BICs, enough for pickers and tests. */
export const SBP_BANKS: readonly SbpBank[] = [
  { bankId: '100000000111', bankName: 'Сбербанк', bankBic: '044525225' },
  { bankId: '100000000004', bankName: 'Т-Банк', bankBic: '044525974' },
  { bankId: '110000000005', bankName: 'ВТБ', bankBic: '044525187' },
  { bankId: '100000000008', bankName: 'Альфа-Банк', bankBic: '044525593' },
  { bankId: '100000000007', bankName: 'Райффайзенбанк', bankBic: '044525700' },
  { bankId: '100000000001', bankName: 'Газпромбанк', bankBic: '044525823' },
];

/** Banks whose name contains `part`, ignoring case (`"банк"` finds most of them). */
export function findBanks(part: string | undefined): SbpBank[] {
  const needle = (part ?? '').trim().toLocaleLowerCase('ru');
  return SBP_BANKS.filter((bank) => bank.bankName.toLocaleLowerCase('ru').includes(needle));
}

/** The directory entry for a payout's `destination.sbp`, if its id and BIC belong together. */
export function bankFor(bankId: string, bankBic: string): SbpBank | undefined {
  return SBP_BANKS.find((bank) => bank.bankId === bankId && bank.bankBic === bankBic);
}
