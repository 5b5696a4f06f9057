import { createEspKycInputSchema, type EspKycFormValues } from '@mandarin-kit/core';
import { describe, expect, it } from 'vitest';
import { validKycValues } from '../testing/storyParameters.js';
import { translateKycIssue } from './kycIssues.js';
import { toSchemaInput } from './useEspKyc.js';

// Core's schema speaks English and this table matches its messages word for word, so a reworded message in core
// would reach Russian users in English. Every mistake a person can make in the form is made here, through the
// schema itself, and whatever it says must come out in Russian.
const schema = createEspKycInputSchema({ now: () => new Date(2026, 5, 1, 12) });

/** The stories' valid form, as the form hands it to the schema. */
const valid = (): EspKycFormValues => toSchemaInput(structuredClone(validKycValues));

// What the form lets a person get wrong (it fixes the document type, the phone type and the single phone):
// the field by its path, and what the person put there.
const mistakes: Array<[mistake: string, path: string, value: unknown]> = [
  ['no last name', 'last_name', ''],
  ['a 101-letter first name', 'first_name', 'Н'.repeat(101)],
  ['a digit in the first name', 'first_name', 'Н1колай'],
  ['a digit in the middle name', 'middle_name', 'П3трович'],
  ['a 101-letter middle name', 'middle_name', 'П'.repeat(101)],
  ['no birth date', 'birth_date', ''],
  ['a birth date that is no date', 'birth_date', '1993-13-45'],
  ['a birth date in the future', 'birth_date', '2030-01-01'],
  ['a birth date before 1900', 'birth_date', '1899-12-31'],
  ['someone under 18', 'birth_date', '2010-01-01'],
  ['no citizenship', 'citizenship', ''],
  ['a country name for citizenship', 'citizenship', 'Russia'],
  ['a short INN', 'inn', '50010073'],
  ['an INN with a wrong check digit', 'inn', '500100732258'],
  ['a short SNILS', 'snils', '112-233'],
  ['a SNILS with a wrong check number', 'snils', '112-233-445 96'],
  ['a 2-digit passport series', 'document.serial', '45'],
  ['a 4-digit passport number', 'document.number', '2358'],
  ['no issue date', 'document.issue_date', ''],
  ['an issue date that is no date', 'document.issue_date', '2013-02-31'],
  ['an issue date in the future', 'document.issue_date', '2030-01-01'],
  ['an issue date before the birth date', 'document.issue_date', '1990-01-01'],
  ['an expiry before the issue date', 'document.expiration_date', '2012-01-01'],
  ['an expiry that is no date', 'document.expiration_date', '2030-02-31'],
  ['a 4-digit issue code', 'document.issue_code', '4040'],
  ['no issuer', 'document.issuer', ''],
  ['a 301-character issuer', 'document.issuer', 'О'.repeat(301)],
  ['no birth place', 'document.birth_place', ''],
  ['no registration address', 'registration_address', ''],
  ['a 301-character home address', 'living_address', 'М'.repeat(301)],
  ['no home address', 'living_address', ''],
  ['a foreign phone', 'phones.0.phone', '+1 555 010 0199'],
  ['no phone', 'phones.0.phone', ''],
  ['no email', 'email', ''],
  ['an email without a domain', 'email', 'user@'],
  ['a 255-character email', 'email', `${'u'.repeat(247)}@mail.ru`],
  ['a 51-character fax', 'fax', '4'.repeat(51)],
  ['the terms not accepted', 'terms_agreement', false],
];

function validWith(path: string, value: unknown): EspKycFormValues {
  const input = valid();
  const keys = path.split('.');
  let node = input as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return input;
}

describe('translateKycIssue', () => {
  for (const [mistake, path, value] of mistakes) {
    it(`says in Russian what is wrong with ${mistake}`, () => {
      const result = schema.safeParse(validWith(path, value));
      expect(result.success).toBe(false);
      for (const { message } of result.error!.issues) {
        expect(translateKycIssue(message, 'ru', undefined), message).toMatch(/^[^A-Za-z]*[А-ЯЁ]/);
      }
    });
  }

  it('keeps core’s English for `en`, and lets a host word any message its own way', () => {
    const message = 'INN check digits do not match; check the number';
    expect(translateKycIssue(message, 'en', undefined)).toBe(message);
    const overrides = { [`kyc.issue:${message}`]: 'Проверьте ИНН по справке из налоговой' };
    expect(translateKycIssue(message, 'ru', overrides)).toBe('Проверьте ИНН по справке из налоговой');
    expect(translateKycIssue(message, 'en', overrides)).toBe('Проверьте ИНН по справке из налоговой');
  });

  it('puts no wire format in the words: dates as the field takes them, the phone as its hint writes it', () => {
    const date = 'Birth date must be a date (YYYY-MM-DD)';
    expect(translateKycIssue(date, 'en', undefined)).toBe('Birth date: enter the date as DD/MM/YYYY');
    expect(translateKycIssue(date, 'ru', undefined)).toBe('Введите дату в виде ДД.ММ.ГГГГ');
    const phone = 'Enter a Russian phone number, e.g. +7 901 763-63-53';
    expect(translateKycIssue(phone, 'en', undefined)).toBe(
      'Enter a Russian phone number, e.g. +7 (901) 763-63-53',
    );
  });
});
