/** The login form; with the built-in local accounts, also who can log in (marked local only). */
import type { StaffDirectory } from '../../staff/directory.js';
import { DEMO_PASSWORD } from '../../staff/demo-staff.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';

export function loginPage(text: Text, staff: StaffDirectory, next: string, failed: boolean): Html {
  const demo = staff.demo
    ? html`<aside class="demo-accounts" aria-labelledby="demo-h"><h2 id="demo-h">${text.login.demoNotice} <code>${DEMO_PASSWORD}</code></h2>
      <table><tbody>${staff.members.map((m) => html`<tr><td><code>${m.id}</code></td><td>${m.name}</td><td>${text.core.roles[m.role]}</td></tr>`)}</tbody></table></aside>`
    : '';
  return html`<h1>${text.login.title}</h1>
    ${failed ? html`<p class="refusal" role="alert">${text.login.failed}</p>` : ''}
    <form method="post" action="/login" class="login">
      <input type="hidden" name="next" value="${next}">
      <div class="field"><label for="login-id">${text.login.staffId}</label><input id="login-id" name="id" autocomplete="username" required autofocus></div>
      <div class="field"><label for="login-password">${text.login.password}</label><input id="login-password" name="password" type="password" autocomplete="current-password" required></div>
      <button type="submit">${text.login.submit}</button>
    </form>${demo}`;
}
