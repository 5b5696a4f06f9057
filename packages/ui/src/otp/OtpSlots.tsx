import { type ClipboardEvent, type InputHTMLAttributes, useState } from 'react';

/** Props of {@link OtpSlots}. */
export interface OtpSlotsProps
  extends Pick<
    InputHTMLAttributes<HTMLInputElement>,
    'id' | 'aria-describedby' | 'aria-invalid' | 'readOnly'
  > {
  value: string;
  length: number;
  onValueChange: (text: string) => void;
  inputRef?: (element: HTMLInputElement | null) => void;
}

/**
 * The code as a row of slots, one per digit, drawn over a single real input: `autocomplete="one-time-code"`,
 * paste, WebOTP and screen readers all see one text field; the slots show the digits and where the next one
 * goes. The caret always stays at the end, as a code is typed and erased from its end.
 */
export function OtpSlots({ value, length, onValueChange, inputRef, ...input }: OtpSlotsProps) {
  const [focused, setFocused] = useState(false);
  const toEnd = (element: HTMLInputElement) => element.setSelectionRange(value.length, value.length);
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    onValueChange(event.clipboardData.getData('text'));
  };
  return (
    <div className="mk-otp__slots" data-slot="slots" data-focused={focused || undefined}>
      <input
        {...input}
        ref={inputRef}
        className="mk-otp__input"
        data-slot="input"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        spellCheck={false}
        maxLength={length}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        onPaste={onPaste}
        onFocus={(event) => {
          setFocused(true);
          toEnd(event.currentTarget);
        }}
        onBlur={() => setFocused(false)}
        onSelect={(event) => toEnd(event.currentTarget)}
      />
      {Array.from({ length }, (_, index) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: one slot per digit position, never reordered
          key={index}
          className="mk-otp__slot"
          data-slot="otp-slot"
          data-active={(focused && index === Math.min(value.length, length - 1)) || undefined}
          data-filled={index < value.length || undefined}
          aria-hidden="true"
        >
          {value[index] ?? ''}
        </span>
      ))}
    </div>
  );
}
