/* global document, window, htmx, EventSource, setTimeout, setInterval */
// The desk's small client, on top of htmx:
// - live refresh: every `change` from the server-sent events fires `desk:changed` on the
//   body (at most every 200 ms), and each live region re-fetches itself (hx-trigger);
// - countdowns: every element with data-due counts down on the desk's clock, which may be
//   ahead of the browser's (a seeded week, a test that moved it); `clock` events re-sync it;
// - a refused action's message takes the focus, so keyboard and screen-reader users hear it.
(() => {
  'use strict';
  const body = document.body;
  let offset = Date.parse(body.dataset.now || '') - Date.now();
  if (!Number.isFinite(offset)) offset = 0;
  const deskNow = () => Date.now() + offset;

  const duration = (ms) => {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return d + 'd ' + h + 'h';
    if (h > 0) return h + 'h ' + String(m).padStart(2, '0') + 'm';
    return m + 'm';
  };

  const timeFormat = new Intl.DateTimeFormat(body.dataset.locale || 'en', {
    timeZone: body.dataset.tz || undefined, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });

  const tick = () => {
    const now = deskNow();
    for (const el of document.querySelectorAll('[data-due]')) {
      const left = Date.parse(el.dataset.due) - now;
      el.textContent = left >= 0 ? duration(left) + ' ' + el.dataset.left : el.dataset.overdue + ' ' + duration(-left);
      el.classList.toggle('is-overdue', left < 0);
    }
    const clock = document.getElementById('desk-now');
    if (clock) {
      clock.dateTime = new Date(now).toISOString();
      clock.textContent = timeFormat.format(new Date(now));
    }
  };
  tick();
  setInterval(tick, 1000);

  let refresh = null;
  const changed = () => {
    if (refresh !== null || typeof htmx === 'undefined') return;
    refresh = setTimeout(() => {
      refresh = null;
      htmx.trigger(document.body, 'desk:changed');
    }, 200);
  };

  if (body.dataset.csrf !== undefined && 'EventSource' in window) {
    let connected = false;
    const source = new EventSource('/api/events');
    source.addEventListener('hello', () => {
      // After a reconnect something may have been missed: refresh once.
      if (connected) changed();
      connected = true;
      body.dataset.live = 'on';
    });
    source.addEventListener('change', changed);
    source.addEventListener('clock', (event) => {
      const { now } = JSON.parse(event.data);
      offset = Date.parse(now) - Date.now();
      tick();
      changed();
    });
    source.addEventListener('error', () => {
      body.dataset.live = 'off';
    });
  }

  const refusal = document.getElementById('refusal');
  if (refusal) refusal.focus();
})();
