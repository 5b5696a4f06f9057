import type { OperationHistoryRow } from '@mandarin-kit/core';

/** The columns of a history export, in order. */
export const operationsCsvColumns = [
  'date',
  'operation_id',
  'kind',
  'status',
  'amount',
  'currency',
  'card',
  'bank',
  'phone',
  'failure_code',
  'failure_reason',
] as const;

const CRLF = '\r\n';

/** One field, quoted as RFC 4180 says when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Text from elsewhere (a bank's name, Mandarin's words, a masked phone) that a spreadsheet would run as a
 * formula gets a leading apostrophe (OWASP's advice against CSV injection). Amounts are written as they are:
 * their sign is the point, and a spreadsheet reads them as numbers.
 */
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function record(row: OperationHistoryRow): string[] {
  const c = row.counterparty;
  return [
    row.createdAt,
    row.id,
    row.kind,
    row.status,
    row.signedAmount,
    row.amount.currency,
    text(c?.type === 'card' ? c.cardMasked : null),
    text(c?.type === 'sbp' ? c.bankName : null),
    text(c?.type === 'sbp' ? c.phoneMasked : null),
    text(row.failure?.code),
    text(row.failure?.message),
  ];
}

const line = (fields: readonly string[]) => fields.map(csvField).join(',') + CRLF;

/** The header row of a history export. */
export const operationsCsvHeader = line(operationsCsvColumns);

/** Rows of a wallet's history as CSV records (RFC 4180, CRLF line ends), amounts exact as on the wire. */
export function operationsCsvRecords(rows: readonly OperationHistoryRow[]): string {
  return rows.map((row) => line(record(row))).join('');
}
