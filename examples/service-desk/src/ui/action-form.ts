/**
 * A command as a form: its fields come from the command's schema (form-fields.ts), and
 * three hidden fields carry what the API takes in headers: the CSRF token, the version
 * the page showed (→ If-Match, so acting on a stale page is refused, not misapplied) and
 * a fresh idempotency key (→ the command id, so a double submit executes once).
 */
import { randomBytes } from 'node:crypto';
import type { CommandType } from '@redress/core';
import type { CommandEndpoint } from '../api/commands.js';
import type { Problem } from '../api/problems.js';
import { objectFields, type Choice, type FieldContext } from './form-fields.js';
import { html, type Html } from './html.js';
import type { Text } from './i18n.js';
import { inputSchemaOf } from './json-schema.js';

export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  readonly problem: Problem | null;
}

export interface ActionFormOptions {
  readonly text: Text;
  readonly endpoint: CommandEndpoint;
  readonly action: string;
  readonly csrfToken: string;
  readonly version?: number;
  readonly state?: FormState;
  readonly choices: Readonly<Record<string, readonly Choice[]>>;
  readonly rows: Readonly<Record<string, number>>;
  readonly extra?: Html;
}

export const errorsByPath = (problem: Problem | null): Record<string, string> =>
  problem?.kind === 'Validation' ? Object.fromEntries(problem.issues.map((i) => [i.path, i.message])) : {};

export function refusalPanel(text: Text, problem: Problem, commandLabel: (type: CommandType) => string): Html {
  const details =
    problem.kind === 'IllegalCommand'
      ? html`${problem.rule ? html`<p class="rule">${text.refusal.rule} <code>${problem.rule.name}</code>: ${problem.rule.message}</p>` : ''}
        <p>${text.refusal.allowed}:</p><ul class="allowed">${problem.allowed.map((t) => html`<li>${commandLabel(t as CommandType)} <code>${t}</code></li>`)}</ul>`
      : problem.kind === 'Validation'
        ? html`<ul>${problem.issues.map((i) => html`<li><code>${i.path || '(root)'}</code>: ${i.message}</li>`)}</ul>`
        : html``;
  return html`<div class="refusal" role="alert" tabindex="-1" id="refusal" data-kind="${problem.kind}">
    <h3>${text.refusal.title}: ${text.refusal.kinds[problem.kind]} <code>${problem.kind}</code></h3>
    <p class="message">${problem.message}</p>${details}</div>`;
}

export function actionForm(options: ActionFormOptions): Html {
  const { text, endpoint, state } = options;
  const formId = `form-${endpoint.segment ?? 'receive'}`;
  const ctx: FieldContext = {
    text,
    values: state?.values ?? {},
    errors: errorsByPath(state?.problem ?? null),
    choices: options.choices,
    rows: options.rows,
    formId,
  };
  return html`<form method="post" action="${options.action}" class="command" id="${formId}" data-command="${endpoint.type}" novalidate>
    <input type="hidden" name="_csrf" value="${options.csrfToken}">
    <input type="hidden" name="_key" value="${randomBytes(12).toString('base64url')}">
    ${options.version !== undefined ? html`<input type="hidden" name="_version" value="${options.version}">` : ''}
    ${options.extra}
    ${objectFields(ctx, 'data', inputSchemaOf(endpoint.data))}
    <button type="submit">${text.core.commands[endpoint.type]}</button>
  </form>`;
}
