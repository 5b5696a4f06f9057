import type { KitStoryParameters } from './KitStory.js';

/** Story parameters for the kit's decorator: fake scenario, locale and theme. */
export function kit(parameters: KitStoryParameters): { mandarinKit: KitStoryParameters } {
  return { mandarinKit: parameters };
}

/** A KYC form that passes every check. */
export const validKycValues = {
  last_name: 'Иванов',
  first_name: 'Николай',
  middle_name: 'Петрович',
  birth_date: '1993-12-22',
  citizenship: 'RU',
  inn: '500100732259',
  snils: '112-233-445 95',
  registration_address: 'Москва, ул. Ленина, д. 1, кв. 2',
  living_address: '',
  same_address: true,
  document: {
    document_type: 'Passport' as const,
    serial: '4509',
    number: '235857',
    issue_date: '2013-04-24',
    issue_code: '404-004',
    issuer: 'ОВД Фили-Давыдково г. Москвы',
    birth_place: 'г. Москва',
    expiration_date: '',
  },
  phones: [{ phone: '+7 (901) 763-63-53', type: 'Personal' as const }],
  email: 'user@example.com',
  fax: '',
  phone_check: true,
  terms_agreement: true,
  is_public_official_person: false,
  presence_of_beneficiary: false,
  beneficiary_information: false,
  exist_fatf_government_bills: false,
  affiliation_with_foreign_taxpayers: false,
};
