import type { RoutingWireEntry } from '@mandarin-kit/core';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithKit } from '../testing/renderWithKit.js';
import { RoutingSplitEditor } from './RoutingSplitEditor.js';

// Count renders of the memoised row and the totals by wrapping them in an equally memoised counter: the
// wrapper renders exactly when React would render the real one.
const renders = vi.hoisted(() => ({ rows: [] as string[], totals: 0 }));

vi.mock('./RoutingSplitRow.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./RoutingSplitRow.js')>();
  const { createElement, memo } = await import('react');
  const Counted = memo((props: Parameters<typeof mod.RoutingSplitRow>[0]) => {
    renders.rows.push(props.row.key);
    return createElement(mod.RoutingSplitRow, props);
  });
  return { ...mod, RoutingSplitRow: Counted };
});

vi.mock('./RoutingSplitTotals.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./RoutingSplitTotals.js')>();
  const { createElement, memo } = await import('react');
  const Counted = memo((props: Parameters<typeof mod.RoutingSplitTotals>[0]) => {
    renders.totals++;
    return createElement(mod.RoutingSplitTotals, props);
  });
  return { ...mod, RoutingSplitTotals: Counted };
});

const ROWS = 500;
const account = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const rows: RoutingWireEntry[] = Array.from({ length: ROWS }, (_, i) => ({
  accountId: account(i),
  amount: { value: '10.00', currency: 'RUB' },
  platformFeeAmount: { value: '0.10', currency: 'RUB' },
  description: '',
}));

describe('RoutingSplitEditor with 500 rows', () => {
  it('re-renders only the edited row and the totals when one amount is typed into', async () => {
    const { container } = renderWithKit(
      <RoutingSplitEditor total={500000n} defaultValue={{ destination: rows }} />,
      { strict: false },
    );
    // A role query would compute accessible names for all 2 500 inputs; the label is checked once instead.
    const target = container.querySelectorAll<HTMLInputElement>('[data-slot="amount"]')[249]!;
    expect(target.getAttribute('aria-label')).toBe('Сумма, ₽, строка 250');
    const key = target.closest('tr')!.getAttribute('data-row-key');
    target.focus();
    renders.rows.length = 0;
    renders.totals = 0;
    await userEvent.setup().keyboard('5');
    expect(target.value).toBe('10,005');
    expect(new Set(renders.rows)).toEqual(new Set([key]));
    expect(renders.rows.length).toBe(1);
    expect(renders.totals).toBe(1);
  }, 30_000);
});
