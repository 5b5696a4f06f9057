/** The kinds of outcome a panel or notice shows, each with its icon and colour. */
export type Tone = 'success' | 'danger' | 'pending' | 'info';

const PATHS: Record<Tone, string> = {
  success: 'M7 12.5l3.2 3.2L17 9',
  danger: 'M12 7.5v5.5M12 16.5v.01',
  pending: 'M12 7v5l3 2',
  info: 'M12 11v5.5M12 7.5v.01',
};

/** A round icon drawn in the tone's colour; decorative, the text next to it says the same. */
export function Icon({ tone }: { tone: Tone }) {
  return (
    <svg
      className="mk-icon"
      data-slot="icon"
      data-tone={tone}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="10" data-slot="icon-circle" />
      <path d={PATHS[tone]} data-slot="icon-mark" />
    </svg>
  );
}
