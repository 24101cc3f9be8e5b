/**
 * The frame of every page: a skip link, the main navigation, the desk's time, the language
 * switch and who is logged in. The body carries the desk's "now" so the countdowns can run
 * on the desk's clock (which may be ahead of the browser's), and the CSRF token for the
 * small client.
 */
import { LOCALES } from '@redress/core';
import type { StaffMember } from '../staff/directory.js';
import { STATION } from '../station.js';
import { formatInstant } from './format.js';
import { attr, html, type Html } from './html.js';
import type { Text } from './i18n.js';

export interface PageFrame {
  readonly text: Text;
  readonly title: string;
  readonly now: Date;
  readonly path: string;
  readonly member?: StaffMember | undefined;
  readonly csrfToken?: string | undefined;
  readonly active?: 'board' | 'queue' | 'csi' | undefined;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', 'zh-CN': '中文' };

function languageSwitch(frame: PageFrame): Html {
  const links = LOCALES.map((locale) =>
    locale === frame.text.locale
      ? html`<span aria-current="true" lang="${locale}">${LANGUAGE_NAMES[locale]}</span>`
      : html`<a href="/lang/${locale}?next=${encodeURIComponent(frame.path)}" lang="${locale}" hreflang="${locale}">${LANGUAGE_NAMES[locale]}</a>`,
  );
  return html`<nav class="languages" aria-label="${frame.text.language}">${links}</nav>`;
}

function userBox(frame: PageFrame): Html {
  const { member, text } = frame;
  if (!member) return html``;
  return html`<div class="user"><span>${text.loggedInAs} <strong>${member.name}</strong> · ${text.core.roles[member.role]}</span>
    <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}"><button type="submit" class="link">${text.logout}</button></form></div>`;
}

function mainNav(frame: PageFrame): Html {
  if (!frame.member) return html``;
  const item = (key: 'board' | 'queue' | 'csi', href: string) =>
    html`<li><a href="${href}"${attr('aria-current', frame.active === key && 'page')}>${frame.text.nav[key]}</a></li>`;
  return html`<nav aria-label="Main"><ul>${item('board', '/')}${item('queue', '/queue')}${item('csi', '/csi')}<li><a href="/api/openapi.json">${frame.text.nav.api}</a></li></ul></nav>`;
}

export function page(frame: PageFrame, body: Html): Html {
  const { text } = frame;
  return html`<!doctype html>
<html lang="${text.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${text.appName}</title>
<link rel="stylesheet" href="/assets/desk.css">
<link rel="icon" href="data:,">
<script src="/assets/htmx.min.js" defer></script>
<script src="/assets/desk.js" defer></script>
</head>
<body data-now="${frame.now.toISOString()}" data-locale="${text.locale}" data-tz="${STATION.timeZone}"${attr('data-csrf', frame.csrfToken)}>
<a class="skip" href="#main">${text.skip}</a>
<header class="top">
<a class="brand" href="/">${text.appName}</a>
${mainNav(frame)}
<p class="desk-time">${text.now}: <time id="desk-now" datetime="${frame.now.toISOString()}">${formatInstant(frame.now, text.locale)}</time></p>
${languageSwitch(frame)}
${userBox(frame)}
</header>
<main id="main" tabindex="-1">
${body}
</main>
<div id="live-status" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>`;
}
