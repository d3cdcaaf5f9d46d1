import { describe, expect, it } from 'vitest';
import { formatNumber, translate } from './index.ts';
import { en, vi } from './messages.ts';

describe('i18n', () => {
  it('has the same keys, all non-empty, in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const text of [...Object.values(vi), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('vi', 'run.failed', { message: 'x' })).toBe('Lỗi: x');
    expect(translate('en', 'run.failed', { message: 'x' })).toBe('Error: x');
    expect(translate('en', 'run.failed', {})).toBe('Error: {message}');
  });

  it('formats numbers the Vietnamese way', () => {
    expect(formatNumber('vi', 1234567.5, 1)).toBe('1.234.567,5');
    expect(formatNumber('en', 1234567.5, 1)).toBe('1,234,567.5');
  });
});
