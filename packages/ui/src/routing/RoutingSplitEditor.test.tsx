import type { RoutingWireEntry } from '@mandarin-kit/core';
import { getDefaultNormalizer, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MandarinKitProvider } from '../provider/MandarinKitProvider.js';
import { createFakeBffClient, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { RoutingSplitEditor } from './RoutingSplitEditor.js';
import type { RoutingWire } from './useRoutingSplit.js';

const { accountA: A, accountB: B, accountC: C } = fakeIds;
const NBSP = '\u00a0';
const entry = (accountId: string, value: string, fee = '0.00', description = ''): RoutingWireEntry => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
  description,
});
const cell = (column: string, row: number) =>
  screen.getByRole('textbox', { name: `${column}, строка ${row}` }) as HTMLInputElement;
const slot = (name: string) => document.querySelector(`[data-slot="${name}"] dd`)?.textContent;

function Host() {
  const [value, setValue] = useState<RoutingWire>({ destination: [entry(A, '100.00')] });
  return (
    <>
      <RoutingSplitEditor total={10000n} value={value} onValueChange={setValue} />
      <button type="button" onClick={() => setValue({ destination: [entry(B, '50.00'), entry(C, '50.00')] })}>
        reset
      </button>
    </>
  );
}

/** A host that switches the kit's language from Russian to English. */
function Switching({
  fake,
  onValueChange,
}: {
  fake: ReturnType<typeof createFakeBffClient>;
  onValueChange: (wire: RoutingWire) => void;
}) {
  const [locale, setLocale] = useState<'ru' | 'en'>('ru');
  return (
    <MandarinKitProvider client={fake.client} EventSource={fake.EventSource} locale={locale}>
      <RoutingSplitEditor
        total={150050n}
        defaultValue={{ destination: [entry(A, '0.00')] }}
        onValueChange={onValueChange}
      />
      <button type="button" onClick={() => setLocale('en')}>
        English
      </button>
    </MandarinKitProvider>
  );
}

describe('RoutingSplitEditor', () => {
  it('writes the amounts typed so far again in the new language when the host switches it', async () => {
    const fake = createFakeBffClient();
    const onValueChange = vi.fn();
    render(<Switching fake={fake} onValueChange={onValueChange} />);
    const user = userEvent.setup();
    await user.clear(cell('Сумма, ₽', 1));
    await user.type(cell('Сумма, ₽', 1), '1 500,50');
    await user.click(screen.getByRole('button', { name: 'English' }));
    const amount = screen.getByRole('textbox', { name: 'Amount, ₽, row 1' }) as HTMLInputElement;
    expect(amount.value).toBe('1500.50');
    expect(amount.getAttribute('aria-invalid')).not.toBe('true');
    await user.type(amount, '{Backspace}');
    expect(onValueChange).toHaveBeenLastCalledWith({ destination: [entry(A, '1500.50')] }, expect.anything());
  });

  it('shows totals and the remaining amount, and emits the wire object as the user types', async () => {
    const onValueChange = vi.fn();
    renderWithKit(
      <RoutingSplitEditor
        total={500000n}
        defaultValue={{ destination: [entry(A, '4000.00', '50.00'), entry(B, '500.00', '50.00')] }}
        onValueChange={onValueChange}
      />,
    );
    expect(cell('Сумма, ₽', 1).value).toBe('4000,00');
    expect(slot('remaining')).toBe(`500,00${NBSP}₽`);
    expect(slot('allocated')).toBe(`4${NBSP}500,00${NBSP}₽`);
    expect(
      screen.getByText(`До итога не хватает 500,00${NBSP}₽.`, {
        normalizer: getDefaultNormalizer({ collapseWhitespace: false }),
      }),
    ).toBeTruthy();

    const user = userEvent.setup();
    await user.clear(cell('Сумма, ₽', 2));
    await user.type(cell('Сумма, ₽', 2), '1 000,00');
    expect(slot('remaining')).toBe(`0,00${NBSP}₽`);
    expect(
      screen.getByText('Сумма строк совпадает с итогом.', { selector: '[data-slot="balanced"]' }),
    ).toBeTruthy();
    // Said once, politely, when the split balances — not the totals on every keystroke.
    expect(document.querySelector('[data-slot="announcer"]')?.textContent).toBe(
      'Сумма строк совпадает с итогом.',
    );
    expect(document.querySelector('[data-slot="split-issues"]')?.hasAttribute('role')).toBe(false);
    const [wire, detail] = onValueChange.mock.lastCall as [RoutingWire, { valid: boolean }];
    expect(wire).toEqual({ destination: [entry(A, '4000.00', '50.00'), entry(B, '1000.00', '50.00')] });
    expect(detail.valid).toBe(true);
  });

  it('reports validity as it changes, also when a row stops parsing (which onValueChange does not report)', async () => {
    const onValidityChange = vi.fn();
    const onValueChange = vi.fn();
    renderWithKit(
      <RoutingSplitEditor
        total={10000n}
        defaultValue={{ destination: [entry(A, '100.00')] }}
        onValueChange={onValueChange}
        onValidityChange={onValidityChange}
      />,
    );
    expect(onValidityChange).toHaveBeenLastCalledWith(true);
    const user = userEvent.setup();
    await user.type(cell('Сумма, ₽', 1), 'x');
    expect(onValidityChange).toHaveBeenLastCalledWith(false);
    expect(onValueChange).not.toHaveBeenCalled();
    await user.type(cell('Сумма, ₽', 1), '{Backspace}');
    expect(onValidityChange).toHaveBeenLastCalledWith(true);
  });

  it('marks every validateRouting issue on its own field as the user types', async () => {
    renderWithKit(<RoutingSplitEditor total={10000n} defaultValue={{ destination: [entry(A, '100.00')] }} />);
    const user = userEvent.setup();
    await user.type(cell('Комиссия платформы, ₽', 1), '{Control>}a{/Control}150');
    const fee = cell('Комиссия платформы, ₽', 1);
    expect(fee.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(fee.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Комиссия больше суммы строки.',
    );
    await user.click(screen.getByRole('button', { name: 'Добавить строку' }));
    await user.type(cell('Счёт получателя', 2), A);
    await user.type(cell('Сумма, ₽', 2), '12,345');
    expect(screen.getByText('Этот счёт уже есть в другой строке.')).toBeTruthy();
    expect(
      screen.getByText('Введите сумму, например 1 500,50.', { selector: '[data-slot="cell-error"]' }),
    ).toBeTruthy();
    expect(cell('Сумма, ₽', 2).getAttribute('aria-invalid')).toBe('true');
    // A cell's new problem is announced with its row.
    expect(document.querySelector('[data-slot="announcer"]')?.textContent).toContain('Строка 2:');
  });

  it("takes amounts in the locale's own grouping: 1,500.50 in English", async () => {
    const onValueChange = vi.fn();
    renderWithKit(
      <RoutingSplitEditor
        total={350050n}
        defaultValue={{ destination: [entry(A, '2000.00')] }}
        onValueChange={onValueChange}
      />,
      { locale: 'en' },
    );
    const enCell = (column: string, row: number) =>
      screen.getByRole('textbox', { name: `${column}, row ${row}` }) as HTMLInputElement;
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    await user.type(enCell('Recipient account', 2), B);
    await user.type(enCell('Amount, ₽', 2), '1,500.50');
    expect(enCell('Amount, ₽', 2).hasAttribute('aria-invalid')).toBe(false);
    expect(onValueChange.mock.lastCall?.[0]).toEqual({
      destination: [entry(A, '2000.00'), entry(B, '1500.50')],
    });
    expect(onValueChange.mock.lastCall?.[1]).toMatchObject({ valid: true });
    // A comma that doesn't group thousands is not read as one.
    await user.clear(enCell('Amount, ₽', 2));
    await user.type(enCell('Amount, ₽', 2), '1,5');
    expect(enCell('Amount, ₽', 2).getAttribute('aria-invalid')).toBe('true');
  });

  it('splits evenly with core allocate, kopecks adding up', async () => {
    const onValueChange = vi.fn();
    renderWithKit(
      <RoutingSplitEditor
        total={10000n}
        defaultValue={{ destination: [entry(A, '1.00'), entry(B, '1.00'), entry(C, '1.00')] }}
        onValueChange={onValueChange}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Разделить поровну' }));
    expect([1, 2, 3].map((n) => cell('Сумма, ₽', n).value)).toEqual(['33,34', '33,33', '33,33']);
    expect(onValueChange.mock.lastCall?.[1]).toMatchObject({ valid: true });
  });

  it('splits by percentages', async () => {
    renderWithKit(
      <RoutingSplitEditor
        total={100000n}
        defaultValue={{ destination: [entry(A, '1.00'), entry(B, '1.00')] }}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Указать доли в процентах' }));
    await user.type(cell('Доля, %', 1), '70');
    await user.type(cell('Доля, %', 2), '30');
    await user.click(screen.getByRole('button', { name: 'Разделить по долям' }));
    expect([cell('Сумма, ₽', 1).value, cell('Сумма, ₽', 2).value]).toEqual(['700,00', '300,00']);
  });

  it('says when no shares were given, and marks a share that is not a number', async () => {
    renderWithKit(
      <RoutingSplitEditor
        total={100000n}
        defaultValue={{ destination: [entry(A, '1.00'), entry(B, '1.00')] }}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Указать доли в процентах' }));
    await user.click(screen.getByRole('button', { name: 'Разделить по долям' }));
    expect(screen.getByRole('alert').textContent).toBe('Укажите доли хотя бы для одной строки.');
    await user.type(cell('Доля, %', 1), 'abc');
    expect(cell('Доля, %', 1).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Введите долю, например 33,5.')).toBeTruthy();
  });

  it('splits a partial refund in proportion to what each account still holds', async () => {
    const onValueChange = vi.fn();
    renderWithKit(
      <RoutingSplitEditor
        mode="source"
        total={100000n}
        original={[entry(A, '4000.00', '50.00'), entry(B, '1000.00', '50.00')]}
        refunded={[entry(B, '500.00')]}
        onValueChange={onValueChange}
      />,
    );
    expect(screen.getByRole('group', { name: 'Возврат: с каких счетов' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Вернуть пропорционально остатку' }));
    expect([cell('Сумма, ₽', 1).value, cell('Сумма, ₽', 2).value]).toEqual(['888,89', '111,11']);
    expect(Object.keys(onValueChange.mock.lastCall![0])).toEqual(['source']);
  });

  it('says when a refund exceeds what remains', async () => {
    renderWithKit(<RoutingSplitEditor mode="source" total={600000n} original={[entry(A, '5000.00')]} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Вернуть пропорционально остатку' }));
    expect(screen.getByRole('alert').textContent).toBe('Возврат больше, чем осталось от платежа.');
  });

  it('adds and removes rows from the keyboard, moving focus and announcing it', async () => {
    renderWithKit(<RoutingSplitEditor total={10000n} defaultValue={{ destination: [entry(A, '100.00')] }} />);
    const user = userEvent.setup();
    cell('Сумма, ₽', 1).focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(cell('Счёт получателя', 2)));
    expect(screen.getByText('Добавлена строка 2.')).toBeTruthy();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Удалить строку 1' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(cell('Счёт получателя', 1)));
    expect(screen.getByText('Строка 1 удалена.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Счёт получателя, строка 2' })).toBeNull();
  });

  it('offers the host’s sub-merchant accounts as a choice', async () => {
    renderWithKit(
      <RoutingSplitEditor
        total={10000n}
        accounts={[
          { id: A, label: 'Книжная лавка' },
          { id: B, label: 'Кофейня' },
        ]}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Счёт получателя, строка 1' });
    await userEvent.setup().selectOptions(select, 'Кофейня');
    expect((select as HTMLSelectElement).value).toBe(B);
    expect(within(select).getAllByRole('option')).toHaveLength(3);
  });

  it('is controlled: a new value replaces the rows, and echoing the emitted value keeps the drafts', async () => {
    renderWithKit(<Host />);
    const user = userEvent.setup();
    await user.type(cell('Сумма, ₽', 1), '0');
    expect(cell('Сумма, ₽', 1).value).toBe('100,000');
    await user.click(screen.getByRole('button', { name: 'reset' }));
    expect(cell('Счёт получателя', 2).value).toBe(C);
    expect(cell('Сумма, ₽', 1).value).toBe('50,00');
  });

  it('speaks English', () => {
    renderWithKit(<RoutingSplitEditor total={100n} />, { locale: 'en' });
    expect(screen.getByRole('textbox', { name: 'Amount, ₽, row 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Split evenly' })).toBeTruthy();
  });
});
