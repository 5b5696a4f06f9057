import type { Locale } from '../i18n/defineMessages.js';

// Core's KYC schema speaks English (the BFF sends the same messages back); Russian is matched here.
const EXACT: Record<string, string> = {
  'Enter a Russian phone number, e.g. +7 901 763-63-53':
    'Введите российский номер, например +7 (901) 763-63-53',
  'SNILS must look like 112-233-445 95': 'СНИЛС записывается так: 112-233-445 95',
  'SNILS check number does not match; check the number':
    'Контрольное число СНИЛС не сходится, проверьте номер',
  'INN must be 12 digits': 'ИНН физического лица — 12 цифр',
  'INN check digits do not match; check the number': 'Контрольные цифры ИНН не сходятся, проверьте номер',
  'Birth date cannot be in the future': 'Дата рождения не может быть в будущем',
  'Birth date is not plausible': 'Проверьте дату рождения',
  'You must be at least 18 years old': 'Кошелёк можно открыть с 18 лет',
  'Issue date cannot be in the future': 'Дата выдачи не может быть в будущем',
  'Issue date cannot be before the birth date': 'Дата выдачи не может быть раньше даты рождения',
  'Expiration date must be after the issue date': 'Срок действия должен быть позже даты выдачи',
  'Passport series must be 4 digits': 'Серия паспорта — 4 цифры',
  'Passport number must be 6 digits': 'Номер паспорта — 6 цифр',
  'Issue code must look like 404-004': 'Код подразделения записывается так: 404-004',
  'At least one phone is required': 'Укажите телефон',
  'Citizenship must be a two-letter country code such as RU':
    'Укажите код страны из двух латинских букв, например RU',
  'Enter a valid email address': 'Введите адрес электронной почты, например name@example.ru',
  'You must accept the terms to open a wallet': 'Чтобы открыть кошелёк, примите условия обслуживания',
};

// Core's generic messages, `<Field label> is required` and the like; `$1` is the pattern's first group.
const PATTERNS: Array<[RegExp, string]> = [
  [/ (?:is required|must be text)$/, 'Заполните это поле'],
  [/ must be at most (\d+) characters$/, 'Не больше $1 символов'],
  [
    / may contain only letters, spaces, hyphens and apostrophes$/,
    'Только буквы, пробелы, дефисы и апострофы',
  ],
  [/ must be a date \(YYYY-MM-DD\)$/, 'Введите дату в виде ДД.ММ.ГГГГ'],
  [/ must be true or false$/, 'Отметьте флажок или снимите его'],
];

/**
 * A validation message for people in `locale`. A host override keyed `kyc.issue:<English message>` wins;
 * messages this table does not know are shown as they came.
 */
export function translateKycIssue(
  message: string,
  locale: Locale,
  overrides: Readonly<Record<string, string>> | undefined,
): string {
  const override = overrides?.[`kyc.issue:${message}`];
  if (override !== undefined) return override;
  // In English too, no wire format (the field is typed as DD/MM/YYYY), and one way of writing a phone.
  if (locale === 'en')
    return message
      .replace(/ must be a date \(YYYY-MM-DD\)$/, ': enter the date as DD/MM/YYYY')
      .replace('+7 901 763-63-53', '+7 (901) 763-63-53');
  const exact = EXACT[message];
  if (exact !== undefined) return exact;
  for (const [pattern, text] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return text.replace('$1', match[1] ?? '');
  }
  return message;
}
