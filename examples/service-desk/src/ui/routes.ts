/**
 * The dashboard's pages and the regions they refresh. Forms post here (not to the JSON
 * API) so the desk works without JavaScript: a command that succeeds redirects to its
 * ticket (post/redirect/get), a refused one renders the page again with the typed reason,
 * under the status the API would have answered.
 */
import { LOCALES, type CommandType, type Locale } from '@redress/core';
import { DEFAULT_CSI_CONFIG } from '@redress/csi';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { endpointAt, endpointOf } from '../api/commands.js';
import { STATUS_OF } from '../api/problems.js';
import { runCommand } from '../api/run-command.js';
import { SESSION_COOKIE, setSessionCookie, type DeskEnv } from '../auth/guard.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Desk } from '../desk/desk.js';
import { DESK_PERMISSIONS } from '../desk/desk.js';
import { STATION } from '../station.js';
import { actorOf, type StaffMember } from '../staff/directory.js';
import type { Choice } from './form-fields.js';
import { dataFromForm } from './form-values.js';
import { html, type Html } from './html.js';
import { textFor, type Text } from './i18n.js';
import { inputSchemaOf } from './json-schema.js';
import { page, type PageFrame } from './layout.js';
import { boardPage, boardRegion } from './pages/board.js';
import { csiPage, csiRegion } from './pages/csi.js';
import { loginPage } from './pages/login.js';
import { queuePage, queueRegion } from './pages/queue.js';
import { receivePage, suggestedComplaintId } from './pages/receive.js';
import { ticketPage, ticketRegion } from './pages/ticket.js';

const LANG_COOKIE = 'desk_lang';

function localeOf(c: Context): Locale {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen && (LOCALES as readonly string[]).includes(chosen)) return chosen as Locale;
  return (c.req.header('accept-language') ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A local path to go back to; anything else (another host, `//evil`) goes to the board. */
const localPath = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');

async function formValues(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

export function uiRoutes(desk: Desk, sessions: SessionStore): Hono<DeskEnv> {
  const ui = new Hono<DeskEnv>();
  const frameOf = (c: Context<DeskEnv>, title: string, active?: PageFrame['active']): PageFrame => ({
    text: textFor(localeOf(c)),
    title,
    now: desk.clock.now(),
    path: new URL(c.req.url).pathname,
    member: c.get('member'),
    csrfToken: c.get('session')?.csrfToken,
    active,
  });
  const render = (c: Context<DeskEnv>, frame: PageFrame, body: Html, status: 200 | (typeof STATUS_OF)[keyof typeof STATUS_OF] = 200) => c.html(page(frame, body).value, status);
  const choices = (text: Text): Record<string, readonly Choice[]> => ({
    handlerId: desk.staff.members.filter((m) => m.role === 'handler' || m.role === 'departmentHead').map((m) => ({ value: m.id, label: `${m.name} (${text.core.roles[m.role]})` })),
    'survey.ratings.dimension': DEFAULT_CSI_CONFIG.dimensions.map((d) => ({ value: d.id, label: d.labels[text.locale === 'zh-CN' ? 'zh-CN' : 'en'] })),
  });
  const ROWS = { 'survey.ratings': DEFAULT_CSI_CONFIG.dimensions.length };

  ui.get('/lang/:locale', (c) => {
    const locale = c.req.param('locale');
    if ((LOCALES as readonly string[]).includes(locale)) setCookie(c, LANG_COOKIE, locale, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
    return c.redirect(localPath(c.req.query('next')), 303);
  });
  ui.get('/login', (c) => {
    const text = textFor(localeOf(c));
    return render(c, frameOf(c, text.login.title), loginPage(text, desk.staff, localPath(c.req.query('next')), false));
  });
  ui.post('/login', async (c) => {
    const values = await formValues(c);
    const member = await desk.staff.authenticate(values.id ?? '', values.password ?? '');
    const text = textFor(localeOf(c));
    if (!member) return render(c, frameOf(c, text.login.title), loginPage(text, desk.staff, localPath(values.next), true), 401);
    setSessionCookie(c, sessions.create(member.id).token);
    return c.redirect(localPath(values.next), 303);
  });

  // Every page below needs a logged-in member.
  ui.use('*', async (c, next) => {
    if (!c.get('member')) {
      if (c.req.method !== 'GET') return c.text('log in first', 401);
      return c.redirect(`/login?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
    }
    await next();
  });
  const me = (c: Context<DeskEnv>) => c.get('member') as StaffMember;

  ui.post('/logout', (c) => {
    sessions.destroy(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  ui.get('/', async (c) => {
    const frame = frameOf(c, textFor(localeOf(c)).board.title, 'board');
    const mayReceive = DESK_PERMISSIONS.ReceiveComplaint.includes(me(c).role);
    return render(c, frame, boardPage(frame.text, desk.staff, await desk.board(), frame.now, mayReceive));
  });
  ui.get('/queue', async (c) => {
    const frame = frameOf(c, textFor(localeOf(c)).queue.title, 'queue');
    return render(c, frame, queuePage(frame.text, desk.staff, await desk.queueOf(me(c)), frame.now));
  });
  ui.get('/csi', async (c) => {
    const frame = frameOf(c, textFor(localeOf(c)).csi.title, 'csi');
    return render(c, frame, csiPage(frame.text, await desk.csi()));
  });

  const ticketView = async (c: Context<DeskEnv>, id: string, refused?: Parameters<typeof ticketPage>[0]['refused']) => {
    const text = textFor(localeOf(c));
    const ticket = desk.ticket(id);
    if (!ticket) return render(c, frameOf(c, id), page404(text), 404);
    const { state } = await desk.load(id);
    const frame = frameOf(c, ticket.complaintId);
    const body = ticketPage({
      text, staff: desk.staff, ticket, state, clocks: await desk.clocks(id), now: frame.now, actions: desk.actionsFor(state, actorOf(me(c))),
      csrfToken: c.get('session')?.csrfToken ?? '', choices: choices(text), rows: ROWS, ...(refused && { refused }),
    });
    return render(c, frame, body, refused ? STATUS_OF[refused.problem.kind] : 200);
  };
  const page404 = (text: Text) => html`<h1>404</h1><p>${text.ticket.notFound}</p>`;

  ui.get('/tickets/:id', (c) => ticketView(c, c.req.param('id')));
  ui.post('/tickets/:id/do/:command', async (c) => {
    const id = c.req.param('id');
    const endpoint = endpointAt(c.req.param('command'));
    if (!endpoint) return c.text('no such command', 404);
    const values = await formValues(c);
    const data = dataFromForm(values, inputSchemaOf(endpoint.data), STATION.timeZone);
    const outcome = await runCommand(desk, { endpoint, complaintId: id, body: { data }, idempotencyKey: values._key, ifMatch: values._version ? `"${values._version}"` : undefined, member: me(c) });
    if (outcome.ok) return c.redirect(`/tickets/${encodeURIComponent(id)}`, 303);
    return ticketView(c, id, { type: endpoint.type as CommandType, form: { values, problem: outcome.problem }, problem: outcome.problem });
  });

  ui.get('/complaints/new', (c) => {
    const text = textFor(localeOf(c));
    return render(c, frameOf(c, text.core.commands.ReceiveComplaint), receivePage(text, c.get('session')?.csrfToken ?? '', choices(text), suggestedComplaintId(desk.clock.now())));
  });
  ui.post('/complaints', async (c) => {
    const values = await formValues(c);
    const endpoint = endpointOf('ReceiveComplaint');
    const data = dataFromForm(values, inputSchemaOf(endpoint.data), STATION.timeZone);
    const body = { data, ...(values.complaintId?.trim() && { complaintId: values.complaintId.trim() }) };
    const outcome = await runCommand(desk, { endpoint, body, idempotencyKey: values._key, member: me(c) });
    if (outcome.ok) return c.redirect(`/tickets/${encodeURIComponent(outcome.value.complaintId)}`, 303);
    const text = textFor(localeOf(c));
    return render(c, frameOf(c, text.core.commands.ReceiveComplaint), receivePage(text, c.get('session')?.csrfToken ?? '', choices(text), suggestedComplaintId(desk.clock.now()), { form: { values, problem: outcome.problem }, problem: outcome.problem }), STATUS_OF[outcome.problem.kind]);
  });

  // The live regions, fetched again by htmx on `desk:changed`.
  ui.get('/fragments/board', async (c) => c.html(boardRegion(textFor(localeOf(c)), desk.staff, await desk.board(), desk.clock.now()).value));
  ui.get('/fragments/queue', async (c) => c.html(queueRegion(textFor(localeOf(c)), desk.staff, await desk.queueOf(me(c)), desk.clock.now()).value));
  ui.get('/fragments/csi', async (c) => c.html(csiRegion(textFor(localeOf(c)), await desk.csi()).value));
  ui.get('/fragments/tickets/:id', async (c) => {
    const id = c.req.param('id');
    const ticket = desk.ticket(id);
    if (!ticket) return c.body(null, 404);
    const seen = Number(c.req.query('seen') ?? ticket.version);
    return c.html(ticketRegion({ text: textFor(localeOf(c)), staff: desk.staff, ticket, clocks: await desk.clocks(id), now: desk.clock.now() }, Number.isFinite(seen) ? seen : ticket.version).value);
  });
  return ui;
}
