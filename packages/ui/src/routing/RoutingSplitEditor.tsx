import { type Ref, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../i18n/useMessages.js';
import { useCardRoot } from '../parts/Card.js';
import { useKit } from '../provider/KitContext.js';
import { type RoutingAccountOption, RoutingSplitRow } from './RoutingSplitRow.js';
import { RoutingSplitTotals } from './RoutingSplitTotals.js';
import { routingMessages } from './routingMessages.js';
import { type UseRoutingSplitOptions, useRoutingSplit } from './useRoutingSplit.js';

/** Props of {@link RoutingSplitEditor}. */
export interface RoutingSplitEditorProps extends UseRoutingSplitOptions {
  /** Sub-merchant accounts to choose from; without them the account is typed in. */
  accounts?: readonly RoutingAccountOption[];
  className?: string;
  ref?: Ref<HTMLFieldSetElement>;
}

/**
 * Edits the destinations of a routed payment (or the sources of a reversal): account, amount, platform fee
 * and description per row; totals, remaining amount and every `validateRouting` issue inline as the user
 * types; split evenly, by shares, or a refund in proportion to what remains. Emits the wire routing object.
 */
export function RoutingSplitEditor({ accounts, className, ref, ...options }: RoutingSplitEditorProps) {
  const { locale } = useKit();
  const t = useMessages(routingMessages);
  const split = useRoutingSplit(options);
  const mode = options.mode ?? 'destination';
  const id = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [showPercent, setShowPercent] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterRender = useRef<{ key: string | null; fallback: 'add' } | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const { addRow, removeRow } = split;
  const rowsRef = useRef(split.rows);
  rowsRef.current = split.rows;

  useEffect(() => {
    const target = focusAfterRender.current;
    if (target === null) return;
    focusAfterRender.current = null;
    const cell =
      target.key === null
        ? null
        : tableRef.current?.querySelector<HTMLElement>(
            `[data-row-key="${target.key}"] [data-slot="account"]`,
          );
    (cell ?? addButtonRef.current)?.focus();
  });

  // One polite announcement per change that matters: a cell's new problem, or the split becoming balanced —
  // not the totals on every keystroke.
  const heard = useRef({ valid: split.valid, issues: split.rowIssues });
  useEffect(() => {
    const before = heard.current;
    if (before.valid === split.valid && before.issues === split.rowIssues) return;
    heard.current = { valid: split.valid, issues: split.rowIssues };
    const fresh = split.rowIssues.flatMap((codes, index) => {
      const old = (before.issues[index] ?? '').split('|');
      return codes
        .split('|')
        .filter((code) => code !== '' && !old.includes(code))
        .map(
          (code) =>
            `${t('routing.rowLabel', { row: index + 1 })}: ${t(`routing.issue.${code}` as 'routing.issue.EMPTY')}`,
        );
    });
    if (fresh.length > 0) setAnnouncement(fresh.join(' '));
    else if (split.valid && !before.valid) setAnnouncement(t('routing.balanced'));
  }, [split.valid, split.rowIssues, t]);

  const onAddAfter = useCallback(
    (afterKey?: string) => {
      const key = addRow(afterKey);
      const at =
        afterKey === undefined
          ? rowsRef.current.length
          : rowsRef.current.findIndex((r) => r.key === afterKey) + 1;
      focusAfterRender.current = { key, fallback: 'add' };
      setAnnouncement(t('routing.rowAdded', { row: at + 1 }));
    },
    [addRow, t],
  );

  const onRemove = useCallback(
    (key: string) => {
      const rows = rowsRef.current;
      const at = rows.findIndex((r) => r.key === key);
      const next = rows[at + 1] ?? rows[at - 1];
      removeRow(key);
      focusAfterRender.current = { key: next?.key ?? null, fallback: 'add' };
      setAnnouncement(t('routing.rowRemoved', { row: at + 1 }));
    },
    [removeRow, t],
  );

  return (
    <fieldset
      ref={ref}
      {...useCardRoot('routing', className, true)}
      data-state={split.valid ? 'valid' : 'invalid'}
      data-mode={mode}
    >
      <legend className="mk-title" data-slot="title">
        {t(mode === 'source' ? 'routing.legend.source' : 'routing.legend.destination')}
      </legend>
      <div className="mk-actions" data-slot="toolbar">
        <button
          ref={addButtonRef}
          type="button"
          className="mk-button mk-button--secondary"
          data-slot="add"
          onClick={() => onAddAfter()}
        >
          {t('routing.addRow')}
        </button>
        <button
          type="button"
          className="mk-button mk-button--secondary"
          data-slot="split-evenly"
          onClick={split.splitEvenly}
        >
          {t('routing.splitEvenly')}
        </button>
        {split.canSplitRefund && (
          <button
            type="button"
            className="mk-button mk-button--secondary"
            data-slot="split-refund"
            onClick={split.splitRefund}
          >
            {t('routing.splitRefund')}
          </button>
        )}
        <div className="mk-check" data-slot="percent-toggle">
          <input
            id={`${id}-percent`}
            className="mk-check__box"
            data-slot="checkbox"
            type="checkbox"
            checked={showPercent}
            onChange={(event) => setShowPercent(event.target.checked)}
          />
          <label className="mk-check__label" htmlFor={`${id}-percent`} data-slot="label">
            {t('routing.showPercent')}
          </label>
        </div>
        {showPercent && (
          <button
            type="button"
            className="mk-button mk-button--secondary"
            data-slot="split-percent"
            onClick={split.splitByPercent}
          >
            {t('routing.splitByPercent')}
          </button>
        )}
      </div>
      {split.actionIssue !== null && (
        <p className="mk-field-error" data-slot="action-issue" role="alert">
          {t(`routing.issue.${split.actionIssue}` as 'routing.issue.NO_WEIGHTS')}
        </p>
      )}
      <div className="mk-routing__scroll" data-slot="table-scroll">
        <table ref={tableRef} className="mk-routing__table" data-slot="table">
          <thead data-slot="table-head">
            <tr data-slot="head-row">
              <th scope="col" data-slot="column">
                {t('routing.account')}
              </th>
              <th scope="col" data-slot="column">
                {t('routing.amount')}
              </th>
              <th scope="col" data-slot="column">
                {t('routing.fee')}
              </th>
              <th scope="col" data-slot="column">
                {t('routing.description')}
              </th>
              {showPercent && (
                <th scope="col" data-slot="column">
                  {t('routing.percent')}
                </th>
              )}
              <th scope="col" data-slot="column">
                <span className="mk-visually-hidden" data-slot="column-label">
                  {t('routing.removeRow', { row: '' }).trim()}
                </span>
              </th>
            </tr>
          </thead>
          <tbody data-slot="table-body">
            {split.rows.map((row, index) => (
              <RoutingSplitRow
                key={row.key}
                row={row}
                index={index}
                issues={split.rowIssues[index]!}
                accounts={accounts}
                showPercent={showPercent}
                t={t}
                onChange={split.updateRow}
                onRemove={onRemove}
                onAddAfter={onAddAfter}
              />
            ))}
          </tbody>
        </table>
      </div>
      <RoutingSplitTotals
        mode={mode}
        total={options.total}
        allocated={split.allocated}
        remaining={split.remaining}
        fees={split.fees}
        splitIssues={split.splitIssues}
        valid={split.valid}
        touched={split.rows.some((row) => row.touched)}
        locale={locale}
        t={t}
      />
      <p className="mk-visually-hidden" data-slot="announcer" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
