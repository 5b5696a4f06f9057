import type { SubMerchantView } from '@mandarin-kit/core';
import { type FormEvent, type KeyboardEvent, type Ref, useEffect, useId, useRef } from 'react';
import { isApiError } from '../client/ApiError.js';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { type Translate, useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field, fieldDescription } from '../parts/Field.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useKit } from '../provider/KitContext.js';
import { subMerchantMessages } from './subMerchantMessages.js';
import {
  type UseSubMerchantLinkOptions,
  type UseSubMerchantLinkResult,
  useSubMerchantLink,
} from './useSubMerchantLink.js';

/** Props of {@link SubMerchantLink}. */
export interface SubMerchantLinkProps extends UseSubMerchantLinkOptions {
  className?: string;
  ref?: Ref<HTMLElement>;
}

type T = Translate<keyof (typeof subMerchantMessages)['ru']>;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(iso: string, locale: 'ru' | 'en'): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-US', { dateStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** The server's word on a field (`VALIDATION_FAILED`), if it named it. */
const serverField = (error: unknown, field: string) =>
  isApiError(error) && error.code === 'VALIDATION_FAILED' ? error.fields?.[field]?.[0] : undefined;

function Item({
  merchant,
  link,
  t,
  locale,
  idPrefix,
}: {
  idPrefix: string;
  merchant: SubMerchantView;
  link: UseSubMerchantLinkResult;
  t: T;
  locale: 'ru' | 'en';
}) {
  const name = link.labelOf(merchant.id);
  const editing = link.editing === merchant.id;
  const fieldId = `${idPrefix}-${merchant.id}`;
  const issue = editing && link.renameIssue ? t(link.renameIssue) : undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      link.saveRename();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      link.cancelRename();
    }
  };
  return (
    <li
      className="mk-sub-merchants__item"
      data-slot="sub-merchant"
      data-id={merchant.id}
      data-editing={editing || undefined}
    >
      {editing ? (
        <div className="mk-sub-merchants__edit" data-slot="rename-form">
          <Field
            id={fieldId}
            label={t('link.rename.field', { id: merchant.shortId })}
            hint={t('link.rename.hint')}
            error={issue}
          >
            <input
              id={fieldId}
              className="mk-input"
              data-slot="rename-input"
              autoComplete="off"
              maxLength={200}
              value={link.renameText}
              onChange={(event) => link.setRenameText(event.target.value)}
              onKeyDown={onKeyDown}
              {...fieldDescription(fieldId, { hint: true, error: issue })}
            />
          </Field>
          {link.renameError !== null && <ErrorNotice error={link.renameError} level={4} />}
          <div className="mk-actions" data-slot="rename-actions">
            <Button slot="save" busy={link.renaming} onClick={link.saveRename}>
              {t('link.save')}
            </Button>
            <Button variant="secondary" slot="cancel" onClick={link.cancelRename}>
              {t('link.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <span
            className="mk-sub-merchants__name"
            data-slot="name"
            data-unnamed={merchant.label === null || undefined}
          >
            {name}
          </span>
          <span className="mk-sub-merchants__since" data-slot="since">
            {t('link.since', { date: formatDate(merchant.linkedAt, locale) })}
          </span>
          <Button
            variant="secondary"
            slot="rename"
            className="mk-sub-merchants__rename"
            label={t('link.rename.label', { name })}
            onClick={() => link.startRename(merchant.id)}
          >
            {t('link.rename')}
          </Button>
        </>
      )}
    </li>
  );
}

/**
 * The operator's sub-merchants: link one by the token from its Mandarin account (with a name), and the linked
 * ones by name and short id (`Цветы · 16f90c5e`), renamed inline. The names reach `RoutingSplitEditor` (through
 * `useSubMerchantAccounts`) and `PaymentsTable` at once, instead of raw account ids.
 */
export function SubMerchantLink({ className, ref, ...options }: SubMerchantLinkProps) {
  const t = useMessages(subMerchantMessages);
  const { locale } = useKit();
  const link = useSubMerchantLink(options);
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const tokenError = (link.issues.token && t(link.issues.token)) || serverField(link.linkError, 'token');
  const labelError = (link.issues.label && t(link.issues.label)) || serverField(link.linkError, 'label');
  const fieldErrors = tokenError !== undefined || labelError !== undefined;

  // Rename moves focus into its field; Save or Cancel brings it back to that sub-merchant's Rename button.
  const lastEdited = useRef<string | null>(null);
  useEffect(() => {
    const list = listRef.current;
    if (link.editing !== null) {
      lastEdited.current = link.editing;
      list?.querySelector<HTMLElement>('[data-slot="rename-input"]')?.focus();
      return;
    }
    const back = lastEdited.current;
    lastEdited.current = null;
    if (back !== null) list?.querySelector<HTMLElement>(`[data-id="${back}"] [data-slot="rename"]`)?.focus();
  }, [link.editing]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = link.submit();
    if (invalid === 'token') tokenRef.current?.focus();
    else if (invalid === 'label') labelRef.current?.focus();
  };
  const announcement = link.renamed
    ? t('link.renamed', { name: link.labelOf(link.renamed.id) })
    : link.linked
      ? t('link.linked', { name: link.labelOf(link.linked.id) })
      : '';

  return (
    <section
      ref={ref}
      {...useCardRoot('sub-merchants', className)}
      data-state={link.state}
      aria-labelledby={`${id}-title`}
      aria-busy={link.state === 'loading' || link.linking}
    >
      <CardHeader id={`${id}-title`} title={t('link.title')} description={t('link.description')} />
      <form className="mk-sub-merchants__form" data-slot="form" onSubmit={onSubmit} noValidate>
        <Field id={`${id}-token`} label={t('link.token')} hint={t('link.token.hint')} error={tokenError}>
          <input
            ref={tokenRef}
            id={`${id}-token`}
            className="mk-input mk-input--mono"
            data-slot="token"
            autoComplete="off"
            spellCheck={false}
            value={link.token}
            onChange={(event) => link.setToken(event.target.value)}
            {...fieldDescription(`${id}-token`, { hint: true, error: tokenError })}
          />
        </Field>
        <Field id={`${id}-label`} label={t('link.label')} hint={t('link.label.hint')} error={labelError}>
          <input
            ref={labelRef}
            id={`${id}-label`}
            className="mk-input"
            data-slot="label-input"
            autoComplete="off"
            value={link.label}
            onChange={(event) => link.setLabel(event.target.value)}
            {...fieldDescription(`${id}-label`, { hint: true, error: labelError })}
          />
        </Field>
        {link.linkError !== null && !fieldErrors && <ErrorNotice error={link.linkError} />}
        <div className="mk-actions" data-slot="actions">
          <Button type="submit" slot="submit" busy={link.linking}>
            {t('link.submit')}
          </Button>
        </div>
      </form>
      <p className="mk-sub-merchants__status" data-slot="status" role="status">
        {announcement}
      </p>
      <h3 className="mk-sub-merchants__heading" id={`${id}-list`} data-slot="list-heading">
        {t('link.list')}
      </h3>
      {link.state === 'loading' && (
        <Skeleton shapes={['sub-merchant', 'sub-merchant']} label={t('link.loading')} />
      )}
      {link.state === 'error' && <ErrorNotice error={link.listError} onRetry={link.retry} />}
      {link.state === 'empty' && (
        <p className="mk-hint" data-slot="empty">
          {t('link.empty')}
        </p>
      )}
      {link.state === 'ready' && (
        <ul ref={listRef} className="mk-sub-merchants__list" data-slot="list" aria-labelledby={`${id}-list`}>
          {link.subMerchants.map((merchant) => (
            <Item key={merchant.id} idPrefix={id} merchant={merchant} link={link} t={t} locale={locale} />
          ))}
        </ul>
      )}
    </section>
  );
}
