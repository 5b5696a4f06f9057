import type { EspGenerateRequest } from '@mandarin-kit/core';

/** The sandbox's test names: they decide how an ESP ends (any other name ends in Success too). */
export const SANDBOX_NAMES = {
  success: { first_name: 'Successful', last_name: 'Success', middle_name: 'Successful' },
  failed: { first_name: 'Unsuccessful', last_name: 'Unsuccessful', middle_name: 'Unsuccessful' },
} as const;

/**
 * A KYC body the sandbox opens a wallet for (tests, demos, benchmarks): the success test names, and INN and
 * SNILS with valid check digits. It is both a valid `POST /api/v1/tokens/generate` body and a KYC form that
 * the BFF's strict `espKycInputSchema` accepts. `overrides` replace whole top-level fields
 * (`sandboxKyc(SANDBOX_NAMES.failed)` for an ESP that ends Failed).
 */
export function sandboxKyc(overrides: Partial<EspGenerateRequest> = {}): EspGenerateRequest {
  return {
    ...SANDBOX_NAMES.success,
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
    phones: [{ phone: '79017636353', type: 'Personal' }],
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
