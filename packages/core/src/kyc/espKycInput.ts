import { z } from 'zod';
import { isIsoDateTime } from '../schemas/dates.js';
import { ageOn } from './age.js';
import { isValidInn } from './inn.js';
import { isIsoDate, localIsoDate } from './isoDate.js';
import { isValidIssueCode, isValidPassportNumber, isValidPassportSeries } from './passport.js';
import { parsePhone } from './phone.js';
import { formatSnils, isValidSnils } from './snils.js';

const ADULT_AGE = 18;
const EARLIEST_BIRTH_DATE = '1900-01-01';
const NAME = /^\p{L}[\p{L}\p{M}'’ .-]*$/u;

function requiredString(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
  });
}

function text(label: string, max: number) {
  return requiredString(label)
    .trim()
    .min(1, { error: `${label} is required`, abort: true })
    .max(max, `${label} must be at most ${max} characters`);
}

function name(label: string) {
  return text(label, 100).regex(NAME, `${label} may contain only letters, spaces, hyphens and apostrophes`);
}

function flag(label: string) {
  return z.boolean({ error: `${label} must be true or false` });
}

function matching(label: string, valid: (s: string) => boolean, message: string) {
  return requiredString(label).trim().refine(valid, message);
}

/** A calendar day given as `YYYY-MM-DD` or as an ISO date-time; the output is the day as written. */
function calendarDay(label: string) {
  return requiredString(label)
    .trim()
    .refine((v) => isIsoDate(v) || isIsoDateTime(v), `${label} must be a date (YYYY-MM-DD)`)
    .transform((v) => v.slice(0, 10));
}

const phoneSchema = requiredString('Phone')
  .trim()
  .transform((value, ctx) => {
    const parsed = parsePhone(value);
    if ('phone' in parsed) return parsed.phone;
    ctx.addIssue({ code: 'custom', message: 'Enter a Russian phone number, e.g. +7 901 763-63-53' });
    return z.NEVER;
  });

const snilsSchema = requiredString('SNILS')
  .trim()
  .refine((v) => /^(\d{3}-\d{3}-\d{3} \d{2}|\d{11})$/.test(v), {
    error: 'SNILS must look like 112-233-445 95',
    abort: true,
  })
  .refine(isValidSnils, 'SNILS check number does not match; check the number')
  .transform(formatSnils);

const innSchema = requiredString('INN')
  .trim()
  .refine((v) => /^\d{12}$/.test(v), { error: 'INN must be 12 digits', abort: true })
  .refine(isValidInn, 'INN check digits do not match; check the number');

/** Options of createEspKycInputSchema. */
export interface EspKycInputSchemaOptions {
  /** The clock that decides "today" (local calendar date) for the age and date checks. */
  now?: () => Date;
}

/** Builds the KYC form schema with an injectable clock; `espKycInputSchema` uses the real one. */
export function createEspKycInputSchema(options: EspKycInputSchemaOptions = {}) {
  const today = () => localIsoDate((options.now ?? (() => new Date()))());

  const birthDate = matching('Birth date', isIsoDate, 'Birth date must be a date (YYYY-MM-DD)').superRefine(
    (value, ctx) => {
      if (!isIsoDate(value)) return;
      const now = today();
      let message: string | undefined;
      if (value > now) message = 'Birth date cannot be in the future';
      else if (value < EARLIEST_BIRTH_DATE) message = 'Birth date is not plausible';
      else if (ageOn(value, now) < ADULT_AGE) message = `You must be at least ${ADULT_AGE} years old`;
      if (message) ctx.addIssue({ code: 'custom', message });
    },
  );

  const issueDate = calendarDay('Issue date').refine(
    (v) => v <= today(),
    'Issue date cannot be in the future',
  );

  const document = z.strictObject(
    {
      document_type: z.literal('Passport', { error: 'Document type must be Passport' }),
      serial: matching('Passport series', isValidPassportSeries, 'Passport series must be 4 digits'),
      number: matching('Passport number', isValidPassportNumber, 'Passport number must be 6 digits'),
      issue_date: issueDate,
      birth_place: text('Birth place', 300),
      issuer: text('Issuer', 300),
      issue_code: matching('Issue code', isValidIssueCode, 'Issue code must look like 404-004'),
      expiration_date: calendarDay('Expiration date').nullable().optional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'Passport details are required' : undefined) },
  );

  const phones = z
    .array(
      z.strictObject({
        phone: phoneSchema,
        type: z.literal('Personal', { error: 'Phone type must be Personal' }),
      }),
      { error: (issue) => (issue.code === 'invalid_type' ? 'At least one phone is required' : undefined) },
    )
    .min(1, 'At least one phone is required')
    .max(5, 'At most 5 phones are allowed')
    .refine(
      (list) => new Set(list.map((p) => p.phone)).size === list.length,
      'The same phone is listed twice',
    );

  return z
    .strictObject({
      first_name: name('First name'),
      last_name: name('Last name'),
      // Empty when the person has no patronymic.
      middle_name: requiredString('Middle name')
        .trim()
        .max(100, 'Middle name must be at most 100 characters')
        .refine(
          (v) => v === '' || NAME.test(v),
          'Middle name may contain only letters, spaces, hyphens and apostrophes',
        ),
      birth_date: birthDate,
      citizenship: requiredString('Citizenship')
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'Citizenship must be a two-letter country code such as RU'),
      registration_address: text('Registration address', 300),
      living_address: text('Living address', 300),
      document,
      inn: innSchema,
      snils: snilsSchema,
      phones,
      email: requiredString('Email')
        .trim()
        .max(254, 'Email must be at most 254 characters')
        .pipe(z.email('Enter a valid email address')),
      fax: z
        .string({ error: 'Fax must be text' })
        .trim()
        .max(50, 'Fax must be at most 50 characters')
        .optional(),
      phone_check: flag('Phone check'),
      terms_agreement: z.literal(true, { error: 'You must accept the terms to open a wallet' }),
      is_public_official_person: flag('Public official'),
      presence_of_beneficiary: flag('Beneficiary presence'),
      beneficiary_information: flag('Beneficiary information'),
      exist_fatf_government_bills: flag('FATF accounts'),
      affiliation_with_foreign_taxpayers: flag('Foreign taxpayer affiliation'),
    })
    .superRefine((input, ctx) => {
      if (input.document.issue_date < input.birth_date) {
        ctx.addIssue({
          code: 'custom',
          path: ['document', 'issue_date'],
          message: 'Issue date cannot be before the birth date',
        });
      }
      const expiration = input.document.expiration_date;
      if (expiration != null && expiration <= input.document.issue_date) {
        ctx.addIssue({
          code: 'custom',
          path: ['document', 'expiration_date'],
          message: 'Expiration date must be after the issue date',
        });
      }
    });
}

/**
 * The browser→BFF KYC form, with the field names of the ESP generate request but strict: INN and SNILS
 * checksums, a normalised Russian phone, an adult's real birth date, accepted terms, no unknown fields.
 */
export const espKycInputSchema = createEspKycInputSchema();
/** A validated KYC form (phone normalised, SNILS formatted, dates as `YYYY-MM-DD`). */
export type EspKycInput = z.output<typeof espKycInputSchema>;
/** What the KYC form holds before validation. */
export type EspKycFormValues = z.input<typeof espKycInputSchema>;
