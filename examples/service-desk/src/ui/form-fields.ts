/**
 * Form fields built from a command's schema: one labelled control per leaf of `data`,
 * a fieldset per object, a select per enum, the right input type per format. Errors from
 * the engine (field paths such as `data.remedy.kind`) are shown next to their field and
 * tied to it with aria-describedby, so a screen reader reads them with the field.
 */
import { html, raw, attr, type Html } from './html.js';
import type { Text } from './i18n.js';
import type { JsonSchema } from './json-schema.js';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface FieldContext {
  readonly text: Text;
  /** The submitted values by field name, to fill the form again after a refusal. */
  readonly values: Readonly<Record<string, string>>;
  /** Error messages by field path (`data.remedy.kind`). */
  readonly errors: Readonly<Record<string, string>>;
  /** Choices for fields whose schema is a free id (by path without indexes, e.g. `handlerId`). */
  readonly choices: Readonly<Record<string, readonly Choice[]>>;
  /** How many rows to offer for an array of objects (by path without indexes); 1 by default. */
  readonly rows: Readonly<Record<string, number>>;
  /** Makes ids unique when a page shows several forms. */
  readonly formId: string;
}

const LONG_TEXT = 200;
const leafName = (path: string) => path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
/** The path with array indexes removed: the key of `choices` and `rows`. */
export const shapeOf = (path: string) => path.split('.').filter((p) => !/^\d+$/.test(p)).slice(1).join('.');

/** Fields whose values are words other fields use too (`low`…): labelled from their own group of core's labels. */
const GROUP_OF_FIELD: Readonly<Record<string, string>> = { impact: 'impacts', urgency: 'urgencies' };

export function enumLabel(text: Text, value: string, field?: string): string {
  const core = text.core as unknown as Record<string, Record<string, string>>;
  const own = field === undefined ? undefined : core[GROUP_OF_FIELD[field] ?? '']?.[value];
  if (own) return own;
  for (const group of ['steps', 'severities', 'causes', 'servqualFactors', 'priorities', 'roles', 'escalationLevels', 'channels', 'remedies', 'complaintSources', 'repeatBases', 'promiseKinds']) {
    const label = core[group]?.[value];
    if (label) return label;
  }
  return text.enums[value] ?? value;
}

/** A label for the field's place (`source.reference`) when it has one, else for its name (`reference`). */
export const labelOf = (ctx: Pick<FieldContext, 'text'>, path: string) => ctx.text.fields[shapeOf(path)] ?? ctx.text.fields[leafName(path)] ?? leafName(path);
const idOf = (ctx: FieldContext, path: string) => `${ctx.formId}-${path.replace(/\./g, '-')}`;

function errorOf(ctx: FieldContext, path: string): { id: string; markup: Html } | null {
  const message = ctx.errors[path];
  if (message === undefined) return null;
  const id = `${idOf(ctx, path)}-error`;
  return { id, markup: html`<span class="field-error" id="${id}">${message}</span>` };
}

function control(ctx: FieldContext, path: string, schema: JsonSchema, required: boolean, describedBy: string | null): Html {
  const id = idOf(ctx, path);
  const value = ctx.values[path] ?? (typeof schema.default === 'string' ? schema.default : '');
  const common = html`id="${id}" name="${path}"${attr('required', required && 'required')}${attr('aria-describedby', describedBy)}${attr('aria-invalid', describedBy !== null && 'true')}`;
  const choices = schema.enum?.map((v) => ({ value: v, label: enumLabel(ctx.text, v, leafName(path)) })) ?? ctx.choices[shapeOf(path)];
  if (choices) {
    const options = choices.map((c) => html`<option value="${c.value}"${attr('selected', c.value === value && 'selected')}>${c.label}</option>`);
    return html`<select ${common}><option value="">${ctx.text.form.choose}</option>${options}</select>`;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return html`<input type="number" ${common}${attr('min', schema.minimum)}${attr('max', schema.maximum)}${attr('step', schema.type === 'integer' ? 1 : 'any')} value="${value}">`;
  }
  if (schema.format === 'date-time') return html`<input type="datetime-local" ${common} value="${value}">`;
  if (schema.format === 'date') return html`<input type="date" ${common} value="${value}">`;
  if (schema.type === 'array') return html`<input type="text" ${common} value="${value}" inputmode="text">`;
  if ((schema.maxLength ?? 0) > LONG_TEXT) return html`<textarea ${common} rows="3">${value}</textarea>`;
  return html`<input type="text" ${common}${attr('maxlength', schema.maxLength)} value="${value}">`;
}

function booleanField(ctx: FieldContext, path: string, required: boolean): Html {
  const id = idOf(ctx, path);
  const error = errorOf(ctx, path);
  const label = labelOf(ctx, path);
  const value = ctx.values[path];
  // Inside a group (the four acknowledgement behaviours) a box is ticked or not; a required
  // yes/no of the command itself (satisfied?) is asked as such, with no answer preselected.
  if (!required || path.split('.').length > 2) {
    return html`<div class="field check"><input type="checkbox" id="${id}" name="${path}" value="true"${attr('checked', value === 'true' && 'checked')}${attr('aria-describedby', error?.id ?? null)}><label for="${id}">${label}</label>${error?.markup}</div>`;
  }
  const radio = (v: 'true' | 'false', text: string) =>
    html`<label><input type="radio" name="${path}" value="${v}" required${attr('checked', value === v && 'checked')}> ${text}</label>`;
  return html`<fieldset class="field yes-no"${attr('aria-describedby', error?.id ?? null)}><legend>${label}</legend>${radio('true', ctx.text.form.yes)}${radio('false', ctx.text.form.no)}${error?.markup}</fieldset>`;
}

function leaf(ctx: FieldContext, path: string, schema: JsonSchema, required: boolean): Html {
  if (schema.type === 'boolean') return booleanField(ctx, path, required);
  const error = errorOf(ctx, path);
  const hint = schema.format === 'date-time' ? html` <span class="hint">(${ctx.text.form.localTime})</span>` : raw('');
  const optional = required ? raw('') : html` <span class="hint">(${ctx.text.form.optional})</span>`;
  return html`<div class="field"><label for="${idOf(ctx, path)}">${labelOf(ctx, path)}${optional}${hint}</label>${control(ctx, path, schema, required, error?.id ?? null)}${error?.markup}</div>`;
}

/** The fields of an object schema under `path` (the form's `data`, or a nested object). */
export function objectFields(ctx: FieldContext, path: string, schema: JsonSchema): Html {
  const required = new Set(schema.required ?? []);
  return html`${Object.entries(schema.properties ?? {}).map(([name, child]) => field(ctx, `${path}.${name}`, child, required.has(name)))}`;
}

function field(ctx: FieldContext, path: string, schema: JsonSchema, required: boolean): Html {
  if (schema.type === 'object') {
    const error = errorOf(ctx, path);
    return html`<fieldset class="group"><legend>${labelOf(ctx, path)}${required ? '' : html` <span class="hint">(${ctx.text.form.optional})</span>`}</legend>${error?.markup}${objectFields(ctx, path, schema)}</fieldset>`;
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    const rows = Math.min(schema.maxItems ?? 1, ctx.rows[shapeOf(path)] ?? 1);
    const error = errorOf(ctx, path);
    const items = Array.from({ length: rows }, (_, i) => html`<div class="row">${objectFields(ctx, `${path}.${i}`, schema.items as JsonSchema)}</div>`);
    return html`<fieldset class="group"><legend>${labelOf(ctx, path)}</legend>${error?.markup}${items}</fieldset>`;
  }
  return leaf(ctx, path, schema, required);
}
