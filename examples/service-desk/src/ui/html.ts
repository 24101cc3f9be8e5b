/**
 * HTML by tagged template: every interpolated value is escaped unless it is already
 * `Html` (made by this tag or by `raw`). Hand-written rather than hono/html because the
 * pages are built synchronously from read models: plain strings, no promises in the type.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup that is already safe (made here from escaped parts, e.g. an SVG chart). */
export const raw = (markup: string): Html => new Html(markup);

/** ` name="value"` when the condition holds. */
export const attr = (name: string, value: string | number | null | undefined | false): Html =>
  value === null || value === undefined || value === false ? raw('') : raw(` ${name}="${escapeHtml(String(value))}"`);
