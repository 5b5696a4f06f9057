import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of SubMerchantLink. */
export const subMerchantMessages = /* @__PURE__ */ defineMessages({
  'link.title': ['Субмерчанты', 'Sub-merchants'],
  'link.description': [
    'Привяжите счёт партнёра по токену из его личного кабинета Mandarin и дайте ему понятное название.',
    'Link a partner’s account by the token from their Mandarin account, and give it a name you will recognise.',
  ],
  'link.token': ['Токен субмерчанта', 'Sub-merchant token'],
  'link.token.hint': ['Из личного кабинета партнёра в Mandarin', 'From the partner’s Mandarin account'],
  'link.token.invalid': [
    'Вставьте токен целиком: не короче 10 символов',
    'Paste the whole token: at least 10 characters',
  ],
  'link.label': ['Название (необязательно)', 'Name (optional)'],
  'link.label.hint': ['Например, «Цветы на Тверской»', 'For example, “Flowers on Main St”'],
  'link.label.invalid': ['Не длиннее 80 символов', 'At most 80 characters'],
  'link.submit': ['Привязать', 'Link'],
  'link.linked': ['Привязан: {name}', 'Linked: {name}'],
  'link.list': ['Привязанные', 'Linked'],
  'link.loading': ['Загружаем субмерчантов…', 'Loading sub-merchants…'],
  'link.empty': ['Пока никого не привязали.', 'No sub-merchants linked yet.'],
  'link.since': ['с {date}', 'since {date}'],
  'link.rename': ['Переименовать', 'Rename'],
  'link.rename.label': ['Переименовать {name}', 'Rename {name}'],
  'link.rename.field': ['Новое название для {id}', 'New name for {id}'],
  'link.rename.hint': ['Пустое — без названия', 'Leave empty for no name'],
  'link.save': ['Сохранить', 'Save'],
  'link.cancel': ['Отмена', 'Cancel'],
  'link.renamed': ['Переименован: {name}', 'Renamed: {name}'],
});
