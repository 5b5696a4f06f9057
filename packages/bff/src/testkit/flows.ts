import { randomUUID } from 'node:crypto';
import type { HttpClient, Reply } from './HttpClient.js';
import type { Stack } from './startStack.js';

/** A KYC form with the emulator's "successful" test names and valid checksums. */
export function kycInput(overrides: Record<string, unknown> = {}) {
  return {
    first_name: 'Successful',
    last_name: 'Success',
    middle_name: 'Successful',
    birth_date: '1993-12-22',
    citizenship: 'RU',
    registration_address: 'Moscow, Petrovka st., 2, apt. 1',
    living_address: 'Moscow, Petrovka st., 2, apt. 1',
    document: {
      document_type: 'Passport',
      serial: '1233',
      number: '123458',
      issue_date: '2013-04-24',
      birth_place: 'Moscow',
      issuer: 'Fili Davydkovo District Department of Internal Affairs',
      issue_code: '404-004',
      expiration_date: null,
    },
    inn: '500100732259',
    snils: '112-233-445 95',
    phones: [{ phone: '+7 901 763-63-53', type: 'Personal' }],
    email: 'ivanoff@mail.ru',
    phone_check: true,
    terms_agreement: true,
    is_public_official_person: false,
    presence_of_beneficiary: false,
    beneficiary_information: false,
    exist_fatf_government_bills: false,
    affiliation_with_foreign_taxpayers: false,
    ...overrides,
  };
}

/** Polls until `done` holds (the emulator runs with a tiny time scale, so this is milliseconds). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  tries = 300,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await probe();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`condition not reached; last value: ${JSON.stringify(last)}`);
}

/** Creates a wallet for `browser`, verifies the SMS code and waits for Success; optionally funds it. */
export async function onboardWallet(stack: Stack, browser: HttpClient, balance?: bigint): Promise<string> {
  const created = await browser.post('/api/wallets', kycInput());
  if (created.status !== 201) throw new Error(`wallet not created: ${created.text}`);
  const id: string = created.body.id;
  await browser.post(`/api/wallets/${id}/otp/send`);
  const { body } = await stack.admin(`/esp/${id}/otp`);
  await browser.post(`/api/wallets/${id}/otp/verify`, { code: body.code });
  await waitFor(
    () => browser.get(`/api/wallets/${id}`),
    (r: Reply) => r.body.status === 'Success',
  );
  if (balance !== undefined)
    await stack.admin(`/wallets/${id}/balance`, { body: { balance: Number(balance) } });
  return id;
}

/** Records a bound card for the user behind `browser` (card binding itself arrives with its own flow). */
export async function bindCard(stack: Stack, browser: HttpClient, last4 = '1111'): Promise<string> {
  const me = await browser.get('/api/me');
  const id = randomUUID();
  await stack.store.cards.insert({
    id,
    ownerId: me.body.id,
    status: 'active',
    cardMasked: `•••• ${last4}`,
    cardHolder: 'IVAN IVANOV',
    expiryMonth: '12',
    expiryYear: '2030',
    createdAt: new Date().toISOString(),
  });
  return id;
}

/** Presses Pay (or Decline) on the emulator's hosted payment page behind `payUrl`, as a person would. */
export async function decideOnHostedPage(payUrl: string, decision: 'pay' | 'decline'): Promise<number> {
  const transaction = new URL(payUrl).searchParams.get('transaction') ?? '';
  const page = await fetch(payUrl);
  if (page.status !== 200) return page.status;
  const response = await fetch(new URL('/Pay', payUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ transaction, decision }),
    redirect: 'manual',
  });
  return response.status;
}
