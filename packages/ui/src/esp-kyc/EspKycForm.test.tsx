import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FakeScenario } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { EspKycForm } from './EspKycForm.js';

type User = ReturnType<typeof userEvent.setup>;
const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const labelled = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

async function fillValid(user: User) {
  await user.type(box('Фамилия'), 'Иванов');
  await user.type(box('Имя'), 'Николай');
  await user.type(box('Отчество'), 'Петрович');
  await user.type(labelled('Дата рождения'), '22121993');
  await user.type(box('ИНН'), '500100732259');
  await user.type(box('СНИЛС'), '11223344595');
  await user.type(box('Серия паспорта'), '4509');
  await user.type(box('Номер паспорта'), '235857');
  await user.type(labelled('Дата выдачи'), '24042013');
  await user.type(box('Код подразделения'), '404004');
  await user.type(box('Кем выдан'), 'ОВД Фили-Давыдково');
  await user.type(box('Место рождения'), 'Москва');
  await user.type(box('Адрес регистрации'), 'Москва, ул. Ленина, 1');
  await user.type(box('Мобильный телефон'), '89017636353');
  await user.type(box('Электронная почта'), 'user@example.com');
  await user.click(screen.getByRole('checkbox', { name: 'Я принимаю условия обслуживания кошелька' }));
}

function renderForm(scenario: FakeScenario = {}, onCreated = vi.fn()) {
  const view = renderWithKit(<EspKycForm onCreated={onCreated} />, { scenario });
  return { ...view, onCreated, user: userEvent.setup({ delay: null }) };
}

// A role query computes accessible names across the whole 30-field form, about 0.1 s apiece in jsdom, so filling
// it in takes 2–3.5 s on an idle machine: too close to the 5 s default when CI runs test files side by side.
describe('EspKycForm', { timeout: 20_000 }, () => {
  it('groups every field under a legend and masks phone, SNILS and the issue code as typed', async () => {
    const { user } = renderForm();
    for (const legend of ['Личные данные', 'Паспорт', 'Адреса', 'Контакты', 'Заявления']) {
      expect(screen.getByRole('group', { name: legend })).toBeTruthy();
    }
    await user.type(box('Мобильный телефон'), '89017636353');
    expect(box('Мобильный телефон').value).toBe('+7 (901) 763-63-53');
    await user.type(box('СНИЛС'), '112233445951');
    expect(box('СНИЛС').value).toBe('112-233-445 95');
    await user.type(box('Код подразделения'), '404004');
    expect(box('Код подразделения').value).toBe('404-004');
    await user.type(box('Серия паспорта'), '45 09');
    expect(box('Серия паспорта').value).toBe('4509');
  });

  it('refuses an empty form, says why on each field and moves focus to the first error', async () => {
    const { user, fake } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Открыть кошелёк' }));
    const lastName = box('Фамилия');
    await waitFor(() => expect(document.activeElement).toBe(lastName));
    expect(lastName.getAttribute('aria-invalid')).toBe('true');
    const described = lastName.getAttribute('aria-describedby')!;
    expect(document.getElementById(described)?.textContent).toBe('Заполните это поле');
    const terms = screen.getByRole('checkbox', { name: 'Я принимаю условия обслуживания кошелька' });
    expect(document.getElementById(terms.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Чтобы открыть кошелёк, примите условия обслуживания',
    );
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toMatch(/^Исправьте ошибки в форме: \d+\./);
    // Each error in the summary links to its field.
    const link = within(summary).getByRole('link', { name: 'Фамилия: Заполните это поле' });
    await user.click(link);
    expect(document.activeElement).toBe(lastName);
    // The error replaces the hint: they never say the same thing twice.
    expect(box('Мобильный телефон').getAttribute('aria-describedby')).toMatch(/-error$/);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('checks the INN checksum and the terms before sending', async () => {
    const { user } = renderForm();
    await fillValid(user);
    await user.clear(box('ИНН'));
    await user.type(box('ИНН'), '777777777777');
    await user.click(screen.getByRole('checkbox', { name: 'Я принимаю условия обслуживания кошелька' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(box('ИНН')));
    expect(screen.getByText('Контрольные цифры ИНН не сходятся, проверьте номер')).toBeTruthy();
  });

  it('sends the normalised form once, with an Idempotency-Key, and reports the new wallet', async () => {
    const { user, fake, onCreated } = renderForm({ delayMs: 20 });
    await fillValid(user);
    const submit = screen.getByRole('button', { name: 'Открыть кошелёк' });
    await user.dblClick(submit);
    const accepted = await screen.findByRole('heading', { name: 'Заявка на кошелёк принята' });
    // The form unmounted with the accepted application: focus moves to its heading (in the effect after that
    // render, so waited for), not to <body>.
    await waitFor(() => expect(document.activeElement).toBe(accepted));
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/wallets');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.body).toMatchObject({
      last_name: 'Иванов',
      birth_date: '1993-12-22',
      snils: '112-233-445 95',
      phones: [{ phone: '79017636353', type: 'Personal' }],
      living_address: 'Москва, ул. Ленина, 1',
      document: { document_type: 'Passport', serial: '4509', issue_code: '404-004', expiration_date: null },
      terms_agreement: true,
      phone_check: true,
    });
    // What was typed comes back with the wallet, in the form's own shape, to refill the form later.
    expect(onCreated).toHaveBeenCalledWith(
      { id: expect.any(String), status: 'Processing' },
      expect.objectContaining({
        last_name: 'Иванов',
        birth_date: '1993-12-22',
        phones: [{ phone: '+7 (901) 763-63-53', type: 'Personal' }],
        document: expect.objectContaining({ serial: '4509', issue_code: '404-004' }),
        terms_agreement: true,
      }),
    );
  });

  it('keeps submit busy, and focused, while the request is pending', async () => {
    const { user } = renderForm({ pending: ['createWallet'] });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Открыть кошелёк' }));
    const button = await screen.findByRole('button', { name: 'Отправляем данные…' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
  });

  it('types dates in the locale’s order and sends them as YYYY-MM-DD', async () => {
    const { user } = renderForm();
    const birth = labelled('Дата рождения');
    expect(birth.getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ');
    await user.type(birth, '22121993');
    expect(birth.value).toBe('22.12.1993');
  });

  it('puts the server’s field errors back on their fields and focuses the first one', async () => {
    const { user } = renderForm({
      errors: {
        createWallet: {
          code: 'VALIDATION_FAILED',
          fields: {
            'phones.0.phone': ['Enter a Russian phone number, e.g. +7 901 763-63-53'],
            'document.serial': ['Passport series must be 4 digits'],
            unknown_field: ['Something else is wrong'],
          },
        },
      },
    });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Открыть кошелёк' }));
    await waitFor(() => expect(document.activeElement).toBe(box('Серия паспорта')));
    expect(box('Серия паспорта').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Серия паспорта — 4 цифры')).toBeTruthy();
    expect(box('Мобильный телефон').getAttribute('aria-invalid')).toBe('true');
    // The example in the error is written the way the field and its hint write it.
    expect(
      screen.getByText('Введите российский номер, например +7 (901) 763-63-53', {
        selector: '[data-slot="field-error"]',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Something else is wrong');
  });

  it('keeps the Idempotency-Key when the user retries after a network error', async () => {
    const { user, fake, onCreated } = renderForm({ errors: { createWallet: { code: 'NETWORK', times: 1 } } });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Открыть кошелёк' }));
    expect(await screen.findByText(/Нет связи с сервером/)).toBeTruthy();
    // One button for one action: submitting again is the retry.
    expect(screen.queryByRole('button', { name: 'Повторить' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Открыть кошелёк' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const keys = fake.requests
      .filter((r) => r.path === '/api/wallets')
      .map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('asks for the home address only when it differs from the registered one', async () => {
    const { user } = renderForm();
    expect(screen.queryByRole('textbox', { name: 'Адрес проживания' })).toBeNull();
    await user.click(
      screen.getByRole('checkbox', { name: 'Адрес проживания совпадает с адресом регистрации' }),
    );
    expect(box('Адрес проживания')).toBeTruthy();
  });

  it('speaks English', () => {
    renderWithKit(<EspKycForm />, { locale: 'en' });
    expect(screen.getByRole('form', { name: 'Open a wallet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open wallet' })).toBeTruthy();
  });
});
