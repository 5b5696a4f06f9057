import type { MouseEvent, ReactNode, Ref } from 'react';
import { cx } from '../state/cx.js';

/** Props of {@link Button}. */
export interface ButtonProps {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  type?: 'button' | 'submit';
  /** Working on it: the label says so, clicks do nothing, and focus stays on the button. */
  busy?: boolean;
  /** Not available now; unlike the `disabled` attribute, the button keeps focus and stays readable. */
  unavailable?: boolean;
  onClick?: () => void;
  slot: string;
  className?: string;
  describedBy?: string;
  label?: string;
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
}

/**
 * A button that never drops focus: busy or unavailable, it is `aria-disabled` (announced, still focusable,
 * click and submit ignored) instead of `disabled`, which would send focus to `<body>`.
 */
export function Button({
  variant = 'primary',
  type = 'button',
  busy = false,
  unavailable = false,
  onClick,
  slot,
  className,
  describedBy,
  label,
  ref,
  children,
}: ButtonProps) {
  const inert = busy || unavailable;
  const click = (event: MouseEvent) => {
    if (inert) event.preventDefault();
    else onClick?.();
  };
  return (
    <button
      ref={ref}
      type={type}
      className={cx('mk-button', variant !== 'primary' && `mk-button--${variant}`, className)}
      data-slot={slot}
      data-state={busy ? 'pending' : undefined}
      aria-disabled={inert || undefined}
      aria-describedby={describedBy}
      aria-label={label}
      onClick={click}
    >
      {children}
    </button>
  );
}
