import { describe, expect, it } from 'vitest';
import { formatPhoneInput, maskIssueCode, maskSnils } from './masks.js';

describe('KYC masks', () => {
  it('format a phone however it is typed or pasted', () => {
    for (const input of [
      '9017636353',
      '+79017636353',
      '89017636353',
      '+7 (901) 763-63-53',
      '8 901 763 63 53',
    ]) {
      expect(formatPhoneInput(input)).toBe('+7 (901) 763-63-53');
    }
    expect(formatPhoneInput('901')).toBe('+7 (901');
    expect(formatPhoneInput('9017')).toBe('+7 (901) 7');
    expect(formatPhoneInput('+7 (')).toBe('');
  });

  it('keep formatting stable when typed one key at a time', () => {
    let shown = '';
    for (const key of '89017636353') shown = formatPhoneInput(shown + key);
    expect(shown).toBe('+7 (901) 763-63-53');
  });

  it('format SNILS and the issue code', () => {
    expect(maskSnils('11223344595')).toBe('112-233-445 95');
    expect(maskSnils('112-2')).toBe('112-2');
    expect(maskIssueCode('404004')).toBe('404-004');
    expect(maskIssueCode('40')).toBe('40');
  });
});
