import { describe, expect, it } from 'vitest';
import { espGenerateRequestSchema } from '../schemas/esp.js';
import { createEspKycInputSchema } from './espKycInput.js';
import { toEspGenerateRequest } from './toEspGenerateRequest.js';

const schema = createEspKycInputSchema({ now: () => new Date(2026, 2, 16, 12, 0) });

const form = {
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
    issue_date: '2002-04-24',
    birth_place: 'Moscow',
    issuer: 'Fili Davydkovo District Department of Internal Affairs',
    issue_code: '404-004',
  },
  inn: '500100732259',
  snils: '11223344595',
  phones: [{ phone: '8 (901) 763-63-53', type: 'Personal' }],
  email: 'ivanoff@mail.ru',
  phone_check: true,
  terms_agreement: true,
  is_public_official_person: false,
  presence_of_beneficiary: false,
  beneficiary_information: true,
  exist_fatf_government_bills: false,
  affiliation_with_foreign_taxpayers: false,
} as const;

describe('toEspGenerateRequest', () => {
  it('builds a wire body that the generate request schema accepts', () => {
    const body = toEspGenerateRequest(schema.parse(form));
    expect(espGenerateRequestSchema.parse(body)).toEqual(body);
    // The form as typed, with only what the wire format changes: date-times, SNILS and phone formats.
    expect(body).toEqual({
      ...form,
      document: { ...form.document, issue_date: '2002-04-24T00:00:00.000Z', expiration_date: null },
      snils: '112-233-445 95',
      phones: [{ phone: '79017636353', type: 'Personal' }],
    });
  });

  it('keeps the calendar day of a date-time with an offset', () => {
    const body = toEspGenerateRequest(
      schema.parse({ ...form, document: { ...form.document, issue_date: '2002-04-24T01:30:00+03:00' } }),
    );
    expect(body.document.issue_date).toBe('2002-04-24T00:00:00.000Z');
  });

  it('sends fax and expiration date only when given', () => {
    const body = toEspGenerateRequest(
      schema.parse({
        ...form,
        fax: '+7 495 000-00-00',
        document: { ...form.document, expiration_date: '2038-12-22' },
      }),
    );
    expect(body.fax).toBe('+7 495 000-00-00');
    expect(body.document.expiration_date).toBe('2038-12-22T00:00:00.000Z');
    expect('fax' in toEspGenerateRequest(schema.parse({ ...form, fax: '' }))).toBe(false);
  });
});
