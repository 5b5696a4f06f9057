import { type ChangeEvent, type KeyboardEvent, useRef } from 'react';

/** A mask: what the user typed or pasted in, what the field shows. */
export type Mask = (value: string) => string;

const significant = (char: string) => /[\p{L}\p{N}]/u.test(char);
const countSignificant = (text: string) => [...text].filter(significant).length;

/** The index in `text` just after its `count`-th significant character (0: the start). */
function indexAfter(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (significant(text[i]!) && ++seen === count) return i + 1;
  }
  return text.length;
}

/**
 * Applies `mask` to a text field as the user edits it, keeping the caret where the edit was: typing or
 * deleting in the middle leaves the caret after the same digit; Backspace just after a separator deletes the
 * digit before it; a digit typed into the middle of a full field is refused (not pushed off the end).
 * Spread the result on the `<input>`, before the field's own `onChange`, which gets the masked value.
 */
export function useMaskedInput(
  mask: Mask | undefined,
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void,
) {
  const before = useRef<{ value: string; caret: number } | null>(null);
  return {
    onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
      const input = event.currentTarget;
      const caret = input.selectionStart ?? input.value.length;
      before.current = { value: input.value, caret };
      if (!mask || event.key !== 'Backspace' || caret !== input.selectionEnd) return;
      // Step back over separators, so that the Backspace lands on a digit.
      let at = caret;
      while (at > 0 && !significant(input.value[at - 1]!)) at--;
      if (at !== caret && at > 0) input.setSelectionRange(at, at);
    },
    onChange(event: ChangeEvent<HTMLInputElement>) {
      const input = event.target;
      if (mask) {
        const raw = input.value;
        const caret = input.selectionStart ?? raw.length;
        const previous = before.current;
        before.current = null;
        const masked = mask(raw);
        const atEnd = caret >= raw.length;
        const grew = countSignificant(raw) > countSignificant(previous?.value ?? '');
        if (previous && grew && !atEnd && countSignificant(masked) <= countSignificant(previous.value)) {
          // Full: the new digit would push the last one off the end.
          input.value = previous.value;
          input.setSelectionRange(previous.caret, previous.caret);
          return;
        }
        input.value = masked;
        if (!atEnd && input.ownerDocument.activeElement === input) {
          // The mask may add digits of its own (the phone's +7): keep the caret after the same typed digit.
          const shift = countSignificant(masked) - countSignificant(raw);
          const position = indexAfter(masked, countSignificant(raw.slice(0, caret)) + Math.max(0, shift));
          input.setSelectionRange(position, position);
        }
      }
      onChange?.(event);
    },
  };
}
