import { CARD_FIELD_ERRORS, type CardField, type CardInput } from '../cards/cardInput.js';

/** How one card input is presented: on the hosted page and in its hosted-field iframe alike. */
export interface CardFieldDef {
  field: CardField;
  /** Form field name on the hosted page and key of the `/hosted/process` body. */
  name: keyof CardInput;
  label: string;
  /** Lets browsers and password managers fill the card (WHATWG autofill tokens). */
  autocomplete: 'cc-number' | 'cc-name' | 'cc-exp' | 'cc-csc';
  inputmode: 'numeric' | 'text';
  placeholder: string;
  maxlength: number;
  /** What a screen reader hears when the value is wrong. */
  errorText: string;
}

export const CARD_FIELD_DEFS: readonly CardFieldDef[] = [
  {
    field: 'card-number',
    name: 'cardNumber',
    label: 'Card number',
    autocomplete: 'cc-number',
    inputmode: 'numeric',
    placeholder: '4111 1111 1111 1111',
    maxlength: 23,
    errorText: CARD_FIELD_ERRORS['card-number'],
  },
  {
    field: 'card-holder',
    name: 'cardHolder',
    label: 'Cardholder name',
    autocomplete: 'cc-name',
    inputmode: 'text',
    placeholder: 'IVAN IVANOV',
    maxlength: 50,
    errorText: CARD_FIELD_ERRORS['card-holder'],
  },
  {
    field: 'card-expiration',
    name: 'cardExpiration',
    label: 'Expiry date (MM/YY)',
    autocomplete: 'cc-exp',
    inputmode: 'numeric',
    placeholder: 'MM/YY',
    maxlength: 7,
    errorText: CARD_FIELD_ERRORS['card-expiration'],
  },
  {
    field: 'card-cvv',
    name: 'cardCvv',
    label: 'Security code (CVV)',
    autocomplete: 'cc-csc',
    inputmode: 'numeric',
    placeholder: '123',
    maxlength: 4,
    errorText: CARD_FIELD_ERRORS['card-cvv'],
  },
];

export const cardFieldDef = (field: CardField): CardFieldDef =>
  CARD_FIELD_DEFS.find((d) => d.field === field)!;
