import { type KeyboardEvent, type ReactNode, type Ref, type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Props of {@link Dialog}. */
export interface DialogProps {
  /** The card root's attributes (`useCardRoot`). */
  root: Record<string, string>;
  /** The heading's id (`aria-labelledby`). */
  titleId: string;
  title: ReactNode;
  /** A line under the title; its id is `${titleId}-description` (`aria-describedby`). */
  description?: ReactNode;
  /** The label of the close button (×). */
  closeLabel: string;
  /** Escape, or the close button. */
  onClose: () => void;
  /** Where focus goes when the dialog opens (default: the heading). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** The heading, where focus may go after a change inside. */
  headingRef?: Ref<HTMLHeadingElement>;
  dataState: string;
  busy?: boolean;
  /** Focus events of the card, for `useFocusOnChange`. */
  onFocus?: () => void;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
}

/**
 * A modal dialog over the page, drawn as a card: focus moves into it when it opens (to `initialFocus` or the
 * heading), Tab and Shift+Tab stay inside it, Escape closes it, and on close focus returns to the element that
 * opened it — or, when that is gone (a Refund button that left with the last refundable kopeck), to the heading
 * of the component it was in, never to `<body>`. No `style` attribute (strict CSP): the backdrop is a class.
 */
export function Dialog({
  root,
  titleId,
  title,
  description,
  closeLabel,
  onClose,
  initialFocus,
  headingRef,
  dataState,
  busy,
  onFocus,
  ref,
  children,
}: DialogProps) {
  const box = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const latestInitial = useRef(initialFocus);
  latestInitial.current = initialFocus;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const openerCard = opener?.closest<HTMLElement>('[data-slot="root"]') ?? null;
    (latestInitial.current?.current ?? heading.current)?.focus();
    return () => {
      if (opener !== null && opener !== document.body && opener.isConnected) opener.focus();
      else if (openerCard?.isConnected) openerCard.querySelector<HTMLElement>('[data-slot="title"]')?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || box.current === null) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => !element.closest('[hidden]'),
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !box.current.contains(active) || active === heading.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !box.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="mk-dialog" data-slot="dialog-backdrop">
      <section
        ref={(element) => {
          box.current = element;
          if (typeof ref === 'function') ref(element);
          else if (ref) ref.current = element;
        }}
        {...root}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? `${titleId}-description` : undefined}
        aria-busy={busy || undefined}
        data-state={dataState}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <header className="mk-card__header mk-dialog__header" data-slot="header">
          <h2
            ref={(element) => {
              heading.current = element;
              if (typeof headingRef === 'function') headingRef(element);
              else if (headingRef) headingRef.current = element;
            }}
            className="mk-title"
            id={titleId}
            data-slot="title"
            tabIndex={-1}
          >
            {title}
          </h2>
          <button
            type="button"
            className="mk-button mk-button--ghost mk-dialog__close"
            data-slot="close"
            aria-label={closeLabel}
            onClick={onClose}
          >
            <span aria-hidden="true" data-slot="close-icon">
              ×
            </span>
          </button>
          {description && (
            <p
              className="mk-hint mk-dialog__description"
              id={`${titleId}-description`}
              data-slot="description"
            >
              {description}
            </p>
          )}
        </header>
        {children}
      </section>
    </div>
  );
}
