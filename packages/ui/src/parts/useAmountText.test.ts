import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/defineMessages.js';
import { useAmountText } from './useAmountText.js';

describe('useAmountText', () => {
  it('writes a typed amount again in the new locale when the language switches', () => {
    const { result, rerender } = renderHook(({ locale }: { locale: Locale }) => useAmountText(locale), {
      initialProps: { locale: 'ru' },
    });
    act(() => result.current[1]('1 500,50'));
    rerender({ locale: 'en' });
    expect(result.current[0]).toBe('1500.50');
    act(() => result.current[1]('2,000.25'));
    rerender({ locale: 'ru' });
    expect(result.current[0]).toBe('2000,25');
  });

  it('leaves text that is not an amount as typed, and an empty field empty', () => {
    const { result, rerender } = renderHook(({ locale }: { locale: Locale }) => useAmountText(locale), {
      initialProps: { locale: 'ru' },
    });
    rerender({ locale: 'en' });
    expect(result.current[0]).toBe('');
    act(() => result.current[1]('12,3,4'));
    rerender({ locale: 'ru' });
    expect(result.current[0]).toBe('12,3,4');
  });

  it('keeps an amount that reads the same in both languages as typed', () => {
    const { result, rerender } = renderHook(({ locale }: { locale: Locale }) => useAmountText(locale), {
      initialProps: { locale: 'en' },
    });
    act(() => result.current[1]('5000'));
    rerender({ locale: 'ru' });
    expect(result.current[0]).toBe('5000');
    act(() => result.current[1]('1,5'));
    rerender({ locale: 'en' });
    expect(result.current[0]).toBe('1.50');
  });
});
