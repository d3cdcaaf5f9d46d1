/**
 * Splits `text` into lines no wider than `maxWidth` (in the units of `measure`, e.g. canvas
 * pixels from `CanvasRenderingContext2D.measureText`), breaking between words; a word wider than
 * the line stands alone on its line. Line breaks in the text are kept; empty lines are dropped.
 */
export function wrapLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure(candidate) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
  }
  return lines;
}
