/**
 * Plain-text layout that survives Chinese: a CJK character takes two terminal
 * columns, so padding counts display width, not string length.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns taken by `text`. */
export const displayWidth = (text: string): number => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

export type Align = 'left' | 'right';

/** Rows as aligned columns separated by two spaces; `align` per column, left by default. */
export function columns(rows: readonly (readonly string[])[], align: readonly Align[] = [], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    (indent + row.map((cell, i) => (align[i] === 'right' ? padStart : padEnd)(cell, widths[i] ?? 0)).join('  ')).trimEnd(),
  );
}

/** Words wrapped to `width` columns, each line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && displayWidth((lines.length ? indent : '') + candidate) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** A rule under the header row, as wide as the table. */
export const underline = (lines: readonly string[], indent = ''): string[] => [
  lines[0] ?? '',
  indent + '-'.repeat(Math.max(...lines.map(displayWidth)) - indent.length),
  ...lines.slice(1),
];

/** A heading underlined with `=`. */
export const title = (text: string): string[] => [text, '='.repeat(displayWidth(text))];
