import { describe, expect, it } from 'vitest';
import { safeEqual } from './safeEqual.js';

describe('safeEqual', () => {
  it('is true only for the same string', () => {
    expect(safeEqual('a3f1c9', 'a3f1c9')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('a3f1c9', 'a3f1c8')).toBe(false);
    expect(safeEqual('b3f1c9', 'a3f1c9')).toBe(false);
  });

  it('is false when the lengths differ, whichever is the prefix', () => {
    expect(safeEqual('secret', 'secret1')).toBe(false);
    expect(safeEqual('secret1', 'secret')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });

  it('compares non-ASCII text by its characters', () => {
    expect(safeEqual('ключ', 'ключ')).toBe(true);
    expect(safeEqual('ключ', 'клющ')).toBe(false);
  });
});
