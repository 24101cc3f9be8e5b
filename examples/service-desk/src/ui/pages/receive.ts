/** Step 1 (接收投诉): the receive form, built from ReceiveComplaint's schema like every other action. */
import { randomBytes } from 'node:crypto';
import { endpointOf } from '../../api/commands.js';
import { localInputValue } from '../format.js';
import type { Problem } from '../../api/problems.js';
import { actionForm, refusalPanel, type FormState } from '../action-form.js';
import type { Choice } from '../form-fields.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';

/**
 * A complaint id to suggest, as a desk writes them: the day (station time) and four random
 * characters. The form carries it, so a double submit (same id, same idempotency key) is one complaint.
 */
export function suggestedComplaintId(now: Date): string {
  const day = localInputValue(now).slice(0, 10).replace(/-/g, '');
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `C-${day}-${[...randomBytes(4)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export function receivePage(text: Text, csrfToken: string, choices: Readonly<Record<string, readonly Choice[]>>, suggestedId: string, refused?: { form: FormState; problem: Problem }): Html {
  const endpoint = endpointOf('ReceiveComplaint');
  const values = refused?.form.values ?? {};
  const extra = html`<div class="field"><label for="form-receive-complaintId">${text.fields.complaintId}</label><input id="form-receive-complaintId" name="complaintId" value="${values.complaintId ?? suggestedId}"></div>`;
  return html`<h1>${text.core.commands.ReceiveComplaint}</h1>
    ${refused ? refusalPanel(text, refused.problem, (t) => text.core.commands[t]) : ''}
    ${actionForm({ text, endpoint, action: '/complaints', csrfToken, choices, rows: {}, extra, ...(refused && { state: refused.form }) })}`;
}
