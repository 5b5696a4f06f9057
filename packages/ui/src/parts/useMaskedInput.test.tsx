import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { formatPhoneInput, maskSnils } from '../esp-kyc/masks.js';
import { type Mask, useMaskedInput } from './useMaskedInput.js';

function Masked({ mask, initial }: { mask: Mask; initial: string }) {
  const [value, setValue] = useState(initial);
  const masked = useMaskedInput(mask, (event) => setValue(event.target.value));
  return <input aria-label="field" defaultValue={value} {...masked} />;
}

const setup = async (mask: Mask, initial: string, caret: number) => {
  render(<Masked mask={mask} initial={initial} />);
  const input = screen.getByRole('textbox') as HTMLInputElement;
  const user = userEvent.setup();
  await user.click(input);
  input.setSelectionRange(caret, caret);
  return { input, user };
};

describe('useMaskedInput', () => {
  it('keeps the caret after a digit typed in the middle', async () => {
    const { input, user } = await setup(formatPhoneInput, '+7 (901) 763-63-', 9);
    await user.keyboard('5');
    expect(input.value).toBe('+7 (901) 576-36-3');
    expect(input.selectionStart).toBe(10);
  });

  it('keeps the caret after a digit deleted in the middle', async () => {
    const { input, user } = await setup(formatPhoneInput, '+7 (901) 763-63-53', 11);
    await user.keyboard('{Backspace}');
    expect(input.value).toBe('+7 (901) 763-63-53'.replace('763-63-53', '736-35-3'));
    expect(input.selectionStart).toBe(10);
  });

  it('deletes the digit before a separator on Backspace just after it', async () => {
    const { input, user } = await setup(maskSnils, '112-233-445 95', 4);
    await user.keyboard('{Backspace}');
    expect(input.value).toBe('112-334-459 5');
    expect(input.selectionStart).toBe(2);
  });

  it('refuses a digit typed into the middle of a full field instead of dropping the last one', async () => {
    const { input, user } = await setup(formatPhoneInput, '+7 (901) 763-63-53', 9);
    await user.keyboard('5');
    expect(input.value).toBe('+7 (901) 763-63-53');
    expect(input.selectionStart).toBe(9);
  });

  it('still formats as the user types from the start, with the mask’s own +7', async () => {
    const { input, user } = await setup(formatPhoneInput, '', 0);
    await user.keyboard('9017636353');
    expect(input.value).toBe('+7 (901) 763-63-53');
  });
});
