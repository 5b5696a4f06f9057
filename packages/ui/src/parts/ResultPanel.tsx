import type { ReactNode, Ref } from 'react';
import { Icon, type Tone } from './Icon.js';

/** Props of {@link ResultPanel}. */
export interface ResultPanelProps {
  tone: Tone;
  heading: ReactNode;
  /** What happened, in a sentence or two. */
  summary?: ReactNode;
  /** The next step: a button or a link. */
  action?: ReactNode;
  /** Heading level (default 3, under the card's own heading). */
  level?: 3 | 4 | 5;
  /** The heading, where {@link useFocusOnChange} puts focus when the panel appears. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * The end of a flow (or a step that waits on the bank): icon, heading, summary and the next action, in one
 * success colour across the kit. A status region, so that its arrival is announced.
 */
export function ResultPanel({ tone, heading, summary, action, level = 3, headingRef }: ResultPanelProps) {
  const Heading = `h${level}` as const;
  return (
    <div className="mk-result" data-slot="result" data-tone={tone} role="status">
      <Icon tone={tone} />
      <div className="mk-result__body" data-slot="result-body">
        <Heading ref={headingRef} className="mk-result__heading" data-slot="result-heading" tabIndex={-1}>
          {heading}
        </Heading>
        {summary && (
          <p className="mk-result__summary" data-slot="result-summary">
            {summary}
          </p>
        )}
        {action && (
          <div className="mk-actions" data-slot="result-actions">
            {action}
          </div>
        )}
      </div>
    </div>
  );
}
