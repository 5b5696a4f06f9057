import type { Page } from 'playwright-core';

const kyc = {
  first_name: 'Successful',
  last_name: 'Success',
  middle_name: 'Successful',
  birth_date: '1990-01-01',
  citizenship: 'RU',
  registration_address: 'Moscow, Petrovka st., 2',
  living_address: 'Moscow, Petrovka st., 2',
  document: {
    document_type: 'Passport',
    serial: '1233',
    number: '123458',
    issue_date: '2012-01-01',
    birth_place: 'Moscow',
    issuer: 'Department',
    issue_code: '404-004',
    expiration_date: null,
  },
  inn: '500100732259',
  snils: '112-233-445 95',
  phones: [{ phone: '+79017636353', type: 'Personal' }],
  email: 'buyer@example.com',
  phone_check: true,
  terms_agreement: true,
  is_public_official_person: false,
  presence_of_beneficiary: false,
  beneficiary_information: false,
  exist_fatf_government_bills: false,
  affiliation_with_foreign_taxpayers: false,
};

/**
 * Opens a wallet for the browser's session through the BFF API (the UI path is covered by the onboarding test);
 * the page's request context shares the browser's cookies, so it is the same user.
 */
export async function walletViaApi(page: Page, base: string): Promise<string> {
  const headers = { 'x-csrf': '1' };
  const created = await page.request.post(`${base}/api/wallets`, {
    data: kyc,
    headers: { ...headers, 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  if (created.status() !== 201) throw new Error(`wallet: ${created.status()} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  await page.request.post(`${base}/api/wallets/${id}/otp/send`, { headers });
  const { code } = (await (await page.request.get(`${base}/demo/sandbox/otp/${id}`)).json()) as {
    code: string;
  };
  await page.request.post(`${base}/api/wallets/${id}/otp/verify`, { headers, data: { code } });
  for (let i = 0; i < 200; i++) {
    const wallet = (await (await page.request.get(`${base}/api/wallets/${id}`)).json()) as { status: string };
    if (wallet.status === 'Success') return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('wallet never became Success');
}
