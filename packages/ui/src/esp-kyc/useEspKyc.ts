import {
  createEspKycInputSchema,
  type EspKycFormValues,
  type EspKycInput,
  espKycInputSchema,
  type WalletView,
} from '@mandarin-kit/core';
import { type FormEvent, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type FieldErrors,
  type FieldPath,
  get,
  type Resolver,
  set,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { isApiError } from '../client/ApiError.js';
import { useKit } from '../provider/KitContext.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';
import { translateKycIssue } from './kycIssues.js';

/** What the KYC form holds while it is being filled in (`same_address` is the form's own switch). */
export type EspKycFields = Omit<EspKycFormValues, 'terms_agreement' | 'fax' | 'document'> & {
  document: Omit<EspKycFormValues['document'], 'expiration_date'> & { expiration_date: string };
  terms_agreement: boolean;
  fax: string;
  same_address: boolean;
};

/** A field of the KYC form by dotted path. */
export type EspKycFieldPath = FieldPath<EspKycFields>;

/** Where the KYC form stands. */
export type EspKycState = 'idle' | 'invalid' | 'pending' | 'error' | 'success';

/** Options of {@link useEspKyc}. */
export interface UseEspKycOptions {
  /** Values to start from (a draft, or what the host already knows). */
  defaultValues?: Partial<EspKycFields>;
  /**
   * The wallet was created; its ESP status follows on the event stream. `values` is what the form held when it
   * was sent (the BFF never sends it back): keep it to refill the form, e.g. `WalletStatus`'s `kycValues`.
   */
  onCreated?: (wallet: { id: string; status: WalletView['status'] }, values: EspKycFields) => void;
  onError?: (error: unknown) => void;
  /** The clock for the age and date checks (stories, tests). */
  now?: () => Date;
}

/** What {@link useEspKyc} returns. */
export interface UseEspKycResult {
  form: UseFormReturn<EspKycFields, unknown, EspKycInput>;
  state: EspKycState;
  /** `onSubmit` of the `<form>`: validates, sends once, maps server field errors back onto the fields. */
  onSubmit: (event?: FormEvent) => Promise<void>;
  /** The message for a field, translated, or undefined. */
  fieldError: (path: EspKycFieldPath) => string | undefined;
  /** Errors the server gave for no field of this form, and errors of the call itself. */
  formErrors: string[];
  requestError: unknown;
  errorCount: number;
  wallet: WalletView | undefined;
  /** Attach to the `<form>` so that focus can move to the first invalid field. */
  formRef: RefObject<HTMLFormElement | null>;
}

const EMPTY: EspKycFields = {
  last_name: '',
  first_name: '',
  middle_name: '',
  birth_date: '',
  citizenship: 'RU',
  registration_address: '',
  living_address: '',
  same_address: true,
  document: {
    document_type: 'Passport',
    serial: '',
    number: '',
    issue_date: '',
    issue_code: '',
    issuer: '',
    birth_place: '',
    expiration_date: '',
  },
  inn: '',
  snils: '',
  phones: [{ phone: '', type: 'Personal' }],
  email: '',
  fax: '',
  phone_check: true,
  terms_agreement: false,
  is_public_official_person: false,
  presence_of_beneficiary: false,
  beneficiary_information: false,
  exist_fatf_government_bills: false,
  affiliation_with_foreign_taxpayers: false,
};

/** Turns the form's values into the BFF body shape the core schema checks. */
export function toSchemaInput(values: EspKycFields): EspKycFormValues {
  const { same_address, fax, ...rest } = values;
  return {
    ...rest,
    ...(fax.trim() === '' ? {} : { fax }),
    living_address: same_address ? rest.registration_address : rest.living_address,
    document: { ...rest.document, expiration_date: rest.document.expiration_date || null },
    terms_agreement: rest.terms_agreement as true,
  };
}

/** The BFF reports `phones` and `phones.0` where the form has one field. */
function fieldFor(path: string, sameAddress: boolean): string {
  if (path === 'phones' || path === 'phones.0') return 'phones.0.phone';
  if (path === 'document') return 'document.serial';
  if (path === 'living_address' && sameAddress) return 'registration_address';
  return path;
}

/**
 * Headless ESP KYC form: react-hook-form with core's KYC schema, one `Idempotency-Key` per submit (reused
 * when the user retries after a network or server error), server field errors put back on their fields and
 * focus moved to the first invalid one.
 */
export function useEspKyc(options: UseEspKycOptions = {}): UseEspKycResult {
  const { client, locale, messages } = useKit();
  const { now } = options;
  const schema = useMemo(() => (now ? createEspKycInputSchema({ now }) : espKycInputSchema), [now]);
  // A resolver of our own (a dozen lines) rather than @hookform/resolvers: the first message per field.
  const resolver = useMemo<Resolver<EspKycFields, unknown, EspKycInput>>(
    () => async (values) => {
      const result = await schema.safeParseAsync(toSchemaInput(values));
      if (result.success) return { values: result.data, errors: {} };
      const errors: FieldErrors<EspKycFields> = {};
      for (const issue of result.error.issues) {
        const path = fieldFor(issue.path.join('.'), values.same_address);
        if (get(errors, path) === undefined) set(errors, path, { type: issue.code, message: issue.message });
      }
      return { values: {}, errors };
    },
    [schema],
  );
  const form = useForm<EspKycFields, unknown, EspKycInput>({
    defaultValues: { ...EMPTY, ...options.defaultValues },
    resolver,
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const latest = useRef(options);
  latest.current = options;
  const action = useIdempotentAction((input: EspKycInput, idempotencyKey: string) =>
    client.createWallet(input, { idempotencyKey }),
  );

  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const translate = useCallback(
    (message: string) => translateKycIssue(message, locale, messages),
    [locale, messages],
  );

  const onSubmit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      setFormErrors([]);
      await form.handleSubmit(
        async (input) => {
          const outcome = await action.run(input);
          if (outcome.ok) {
            latest.current.onCreated?.(
              { id: outcome.data.id, status: outcome.data.status },
              form.getValues(),
            );
            return;
          }
          if (!('error' in outcome)) return;
          const error = outcome.error;
          latest.current.onError?.(error);
          if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
            const sameAddress = form.getValues('same_address');
            const stray: string[] = [];
            for (const [path, list] of Object.entries(error.fields)) {
              const message = list[0] ?? error.message;
              const field = fieldFor(path, sameAddress);
              if (get(form.getValues(), field) === undefined) stray.push(message);
              else form.setError(field as EspKycFieldPath, { type: 'server', message });
            }
            setFormErrors(stray.map(translate));
            setFocusTick((n) => n + 1);
          }
        },
        () => setFocusTick((n) => n + 1),
      )();
    },
    [form, action, translate],
  );

  const { errors } = form.formState;
  const fieldError = useCallback(
    (path: EspKycFieldPath) => {
      const message = (get(errors, path) as { message?: string } | undefined)?.message;
      return message ? translate(message) : undefined;
    },
    [errors, translate],
  );

  const errorCount = countErrors(errors) + formErrors.length;
  const requestError = action.status === 'error' ? action.error : null;
  let state: EspKycState = 'idle';
  if (action.status === 'pending') state = 'pending';
  else if (action.status === 'success') state = 'success';
  else if (errorCount > 0 && form.formState.isSubmitted) state = 'invalid';
  else if (requestError !== null) state = 'error';

  return {
    form,
    state,
    onSubmit,
    fieldError,
    formErrors,
    requestError,
    errorCount,
    wallet: action.data,
    formRef,
  };
}

function countErrors(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  if ('message' in node && typeof (node as { message: unknown }).message === 'string') return 1;
  let n = 0;
  for (const [key, value] of Object.entries(node)) if (key !== 'ref') n += countErrors(value);
  return n;
}
