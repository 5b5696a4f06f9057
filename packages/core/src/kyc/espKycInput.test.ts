import { describe, expect, it } from 'vitest';
import { fieldsFromZodError } from '../errors/fieldsFromZodError.js';
import type { EspKycFormValues } from './espKycInput.js';
import { createEspKycInputSchema, espKycInputSchema } from './espKycInput.js';

const schema = createEspKycInputSchema({ now: () => new Date(2026, 2, 16, 12, 0) });

function validForm(): EspKycFormValues {
  return {
    first_name: 'Nikolai',
    last_name: 'Nikolaev',
    middle_name: 'Nikolaevich',
    birth_date: '1993-12-22',
    citizenship: 'RU',
    registration_address: 'Moscow, Petrovka st., 2, apt. 1',
    living_address: 'Moscow, Petrovka st., 2, apt. 1',
    document: {
      document_type: 'Passport',
      serial: '1233',
      number: '123458',
      issue_date: '2002-04-24T15:23:14.969Z',
      birth_place: 'Moscow',
      issuer: 'Fili Davydkovo District Department of Internal Affairs',
      issue_code: '404-004',
      expiration_date: null,
    },
    inn: '500100732259',
    snils: '112-233-445 95',
    phones: [{ phone: '+7 (901) 763-63-53', type: 'Personal' }],
    email: 'ivanoff@mail.ru',
    phone_check: true,
    terms_agreement: true,
    is_public_official_person: false,
    presence_of_beneficiary: false,
    beneficiary_information: false,
    exist_fatf_government_bills: false,
    affiliation_with_foreign_taxpayers: false,
  };
}

function errorsOf(input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the form to be rejected');
  return fieldsFromZodError(result.error);
}

describe('espKycInputSchema', () => {
  it('accepts a valid form and normalises it', () => {
    const parsed = schema.parse({
      ...validForm(),
      first_name: '  Nikolai ',
      citizenship: 'ru',
      snils: '11223344595',
      email: ' ivanoff@mail.ru ',
    });
    expect(parsed.first_name).toBe('Nikolai');
    expect(parsed.citizenship).toBe('RU');
    expect(parsed.snils).toBe('112-233-445 95');
    expect(parsed.phones).toEqual([{ phone: '79017636353', type: 'Personal' }]);
    expect(parsed.email).toBe('ivanoff@mail.ru');
    expect(parsed.document.issue_date).toBe('2002-04-24');
  });

  it('the default schema uses the real clock', () => {
    expect(espKycInputSchema.safeParse(validForm()).success).toBe(true);
  });

  it('rejects the seed INN and SNILS placeholders by checksum', () => {
    const errors = errorsOf({ ...validForm(), inn: '777777777777', snils: '140-120-150 35' });
    expect(errors.inn).toEqual(['INN check digits do not match; check the number']);
    expect(errors.snils).toEqual(['SNILS check number does not match; check the number']);
  });

  it('reports a malformed INN and SNILS once, by format', () => {
    const errors = errorsOf({ ...validForm(), inn: '12345', snils: '112 233 445 95' });
    expect(errors.inn).toEqual(['INN must be 12 digits']);
    expect(errors.snils).toEqual(['SNILS must look like 112-233-445 95']);
  });

  it('rejects bad passport fields with messages at their paths', () => {
    const form = validForm();
    const errors = errorsOf({
      ...form,
      document: {
        ...form.document,
        serial: '123',
        number: '12345a',
        issue_code: '404004',
        document_type: 'ID',
      },
    });
    expect(errors['document.serial']).toEqual(['Passport series must be 4 digits']);
    expect(errors['document.number']).toEqual(['Passport number must be 6 digits']);
    expect(errors['document.issue_code']).toEqual(['Issue code must look like 404-004']);
    expect(errors['document.document_type']).toEqual(['Document type must be Passport']);
  });

  it('requires an adult born on a real day that is not in the future', () => {
    expect(errorsOf({ ...validForm(), birth_date: '2008-03-17' }).birth_date).toEqual([
      'You must be at least 18 years old',
    ]);
    const form = validForm();
    const eighteenToday = {
      ...form,
      birth_date: '2008-03-16',
      document: { ...form.document, issue_date: '2026-03-16' },
    };
    expect(schema.safeParse(eighteenToday).success).toBe(true);
    expect(errorsOf({ ...validForm(), birth_date: '2027-01-01' }).birth_date).toEqual([
      'Birth date cannot be in the future',
    ]);
    expect(errorsOf({ ...validForm(), birth_date: '1993-02-29' }).birth_date).toEqual([
      'Birth date must be a date (YYYY-MM-DD)',
    ]);
    expect(errorsOf({ ...validForm(), birth_date: '22.12.1993' }).birth_date).toHaveLength(1);
  });

  it('accepts an issue date as a date or a date-time, but not in the future or before birth', () => {
    const form = validForm();
    const withIssue = (issue_date: string) => ({ ...form, document: { ...form.document, issue_date } });
    expect(schema.parse(withIssue('2002-04-24')).document.issue_date).toBe('2002-04-24');
    expect(schema.parse(withIssue('2002-04-24T01:00:00+03:00')).document.issue_date).toBe('2002-04-24');
    expect(errorsOf(withIssue('2002-02-30'))['document.issue_date']).toHaveLength(1);
    expect(errorsOf(withIssue('2026-03-17'))['document.issue_date']).toEqual([
      'Issue date cannot be in the future',
    ]);
    expect(errorsOf(withIssue('1990-01-01'))['document.issue_date']).toEqual([
      'Issue date cannot be before the birth date',
    ]);
  });

  it('requires an expiration date to follow the issue date', () => {
    const form = validForm();
    const errors = errorsOf({ ...form, document: { ...form.document, expiration_date: '2002-04-24' } });
    expect(errors['document.expiration_date']).toEqual(['Expiration date must be after the issue date']);
  });

  it('normalises phones and rejects foreign, malformed and repeated ones', () => {
    const errors = errorsOf({
      ...validForm(),
      phones: [
        { phone: '+380 44 123 4567', type: 'Personal' },
        { phone: '8 901 76', type: 'Personal' },
      ],
    });
    expect(errors['phones.0.phone']).toEqual(['Enter a Russian phone number, e.g. +7 901 763-63-53']);
    expect(errors['phones.1.phone']).toHaveLength(1);
    const twice = errorsOf({
      ...validForm(),
      phones: [
        { phone: '+79017636353', type: 'Personal' },
        { phone: '8 901 763-63-53', type: 'Personal' },
      ],
    });
    expect(twice.phones).toEqual(['The same phone is listed twice']);
    expect(errorsOf({ ...validForm(), phones: [] }).phones).toEqual(['At least one phone is required']);
  });

  it('insists on accepted terms, passport details and a phone', () => {
    expect(errorsOf({ ...validForm(), document: undefined }).document).toEqual([
      'Passport details are required',
    ]);
    expect(errorsOf({ ...validForm(), phones: 'none' }).phones).toEqual(['At least one phone is required']);
    expect(errorsOf({ ...validForm(), terms_agreement: false }).terms_agreement).toEqual([
      'You must accept the terms to open a wallet',
    ]);
  });

  it('rejects unknown fields, at any depth', () => {
    const form = validForm();
    const errors = errorsOf({ ...form, isAdmin: true, document: { ...form.document, colour: 'red' } });
    expect(errors.isAdmin).toEqual(['Unknown field']);
    expect(errors['document.colour']).toEqual(['Unknown field']);
  });

  it('says which required field is missing, in words', () => {
    const { first_name: _, ...withoutName } = validForm();
    expect(errorsOf(withoutName).first_name).toEqual(['First name is required']);
    expect(errorsOf({ ...validForm(), last_name: '   ' }).last_name).toEqual(['Last name is required']);
    expect(errorsOf({ ...validForm(), email: 'not-an-email' }).email).toEqual([
      'Enter a valid email address',
    ]);
  });

  it('bounds lengths and characters of names and addresses', () => {
    const errors = errorsOf({
      ...validForm(),
      first_name: 'N'.repeat(101),
      last_name: 'Robert1',
      registration_address: 'a'.repeat(301),
    });
    expect(errors.first_name).toEqual(['First name must be at most 100 characters']);
    expect(errors.last_name).toEqual(['Last name may contain only letters, spaces, hyphens and apostrophes']);
    expect(errors.registration_address).toEqual(['Registration address must be at most 300 characters']);
    expect(schema.safeParse({ ...validForm(), first_name: 'Анна-Мария', last_name: "O'Neil" }).success).toBe(
      true,
    );
  });

  it('accepts an empty middle name for people without a patronymic', () => {
    expect(schema.parse({ ...validForm(), middle_name: ' ' }).middle_name).toBe('');
  });
});
