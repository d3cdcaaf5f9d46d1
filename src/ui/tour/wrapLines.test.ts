import { describe, expect, it } from 'vitest';
import { wrapLines } from './wrapLines.ts';

/** One unit per character: a line of width 10 holds 10 characters. */
const chars = (s: string) => s.length;

describe('wrapping a caption for the video', () => {
  it('breaks between words so no line is wider than the width', () => {
    const lines = wrapLines('Mưa 100 năm gặp triều cường: nước dâng rồi rút', 12, chars);
    expect(lines).toEqual(['Mưa 100 năm', 'gặp triều', 'cường: nước', 'dâng rồi rút']);
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines.join(' ')).toBe('Mưa 100 năm gặp triều cường: nước dâng rồi rút');
  });

  it('keeps line breaks, drops empty lines and lets a long word stand alone', () => {
    expect(wrapLines('Dân số\n\n1.363.983', 40, chars)).toEqual(['Dân số', '1.363.983']);
    expect(wrapLines('a supercalifragilistic b', 5, chars)).toEqual(['a', 'supercalifragilistic', 'b']);
    expect(wrapLines('   ', 5, chars)).toEqual([]);
  });
});
