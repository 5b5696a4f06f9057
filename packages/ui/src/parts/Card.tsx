import type { ReactNode, Ref } from 'react';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';

/** The attributes every component's root carries: card frame, theme, language, `data-slot="root"`. */
export function useCardRoot(name: string, className: string | undefined, wide = false) {
  const { theme, locale } = useKit();
  return {
    className: cx('mk-card', wide && 'mk-card--wide', `mk-${name}`, className),
    'data-slot': 'root',
    'data-mk-theme': theme,
    lang: locale,
  } as const;
}

/** Props of {@link CardHeader}. */
export interface CardHeaderProps {
  /** The heading's id, for the root's `aria-labelledby`. */
  id: string;
  title: ReactNode;
  /** Heading level (default 2). */
  level?: 2 | 3 | 4;
  /** A line under the title; its id is `${id}-description`. */
  description?: ReactNode;
  /** The heading, for {@link useFocusOnChange} to land on. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A card's header: its heading (focusable by script, for focus after a change) and an optional description. */
export function CardHeader({ id, title, level = 2, description, headingRef }: CardHeaderProps) {
  const Heading = `h${level}` as const;
  return (
    <header className="mk-card__header" data-slot="header">
      <Heading ref={headingRef} className="mk-title" id={id} data-slot="title" tabIndex={-1}>
        {title}
      </Heading>
      {description && (
        <p className="mk-hint" id={`${id}-description`} data-slot="description">
          {description}
        </p>
      )}
    </header>
  );
}
