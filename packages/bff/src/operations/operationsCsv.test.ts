import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyRow } from './historyRow.js';
import { csvField, operationsCsvHeader, operationsCsvRecords } from './operationsCsv.js';

/** Reads one RFC 4180 field back. */
const unquote = (field: string) =>
  field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;

describe('operations CSV', () => {
  it('quotes exactly the fields that need it, and every field reads back as written', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const field = csvField(s);
        expect(unquote(field)).toBe(s);
        if (!/[",\r\n]/.test(s)) expect(field).toBe(s);
      }),
    );
  });

  it('writes a header and one CRLF-ended record per row, amounts exact, formula-like text defused', () => {
    const row = historyRow({
      id: 'op-1',
      ownerId: 'u1',
      kind: 'withdrawal',
      walletId: 'w1',
      orderId: 'o1',
      transactionId: null,
      status: 'failed',
      amount: 9_007_199_254_740_993n,
      destinationMasked: null,
      sbp: null,
      failure: { code: '=1+1', message: '@SUM(A1:A9)' },
      statusInferred: false,
      createdAt: '2026-12-04T10:00:00.000Z',
      updatedAt: '2026-12-04T10:00:00.000Z',
    });
    expect(operationsCsvHeader).toBe(
      'date,operation_id,kind,status,amount,currency,card,bank,phone,failure_code,failure_reason\r\n',
    );
    expect(operationsCsvRecords([row, row])).toBe(
      "2026-12-04T10:00:00.000Z,op-1,withdrawal,failed,-90071992547409.93,RUB,,,,'=1+1,'@SUM(A1:A9)\r\n".repeat(
        2,
      ),
    );
    expect(operationsCsvRecords([])).toBe('');
  });
});
