import type { EspGenerateRequest } from '../schemas/esp.js';
import type { EspKycInput } from './espKycInput.js';
import { formatSnils } from './snils.js';

// ESP takes document dates as ISO date-times; a calendar day becomes midnight UTC of that day so that no
// time zone can move it to the day before.
function asDateTime(day: string): string {
  return `${day.slice(0, 10)}T00:00:00.000Z`;
}

/** Builds the ESP generate request body from a validated KYC form. */
export function toEspGenerateRequest(input: EspKycInput): EspGenerateRequest {
  const { document } = input;
  return {
    first_name: input.first_name,
    last_name: input.last_name,
    middle_name: input.middle_name,
    birth_date: input.birth_date,
    citizenship: input.citizenship,
    registration_address: input.registration_address,
    living_address: input.living_address,
    document: {
      document_type: document.document_type,
      serial: document.serial,
      number: document.number,
      issue_date: asDateTime(document.issue_date),
      birth_place: document.birth_place,
      issuer: document.issuer,
      issue_code: document.issue_code,
      expiration_date: document.expiration_date ? asDateTime(document.expiration_date) : null,
    },
    inn: input.inn,
    snils: formatSnils(input.snils),
    phones: input.phones.map((p) => ({ phone: p.phone, type: p.type })),
    email: input.email,
    ...(input.fax ? { fax: input.fax } : {}),
    phone_check: input.phone_check,
    terms_agreement: input.terms_agreement,
    is_public_official_person: input.is_public_official_person,
    presence_of_beneficiary: input.presence_of_beneficiary,
    beneficiary_information: input.beneficiary_information,
    exist_fatf_government_bills: input.exist_fatf_government_bills,
    affiliation_with_foreign_taxpayers: input.affiliation_with_foreign_taxpayers,
  };
}
