/**
 * The two charts of the satisfaction page as inline SVG, drawn on the server: no chart
 * library, no script. Each SVG is an image with a title and a description for screen
 * readers, and the page shows the same figures as a table beside it. Colours pass WCAG AA
 * contrast against white (bars #1f5fa8 6.4:1, the cumulative line #b3261e 6.1:1).
 */
import { escapeHtml, raw, type Html } from './html.js';

export interface Bar {
  readonly label: string;
  /** null: nothing to show (e.g. a dimension nobody rated). */
  readonly value: number | null;
  readonly caption: string;
}

const BAR = '#1f5fa8';
const LINE = '#b3261e';
const INK = '#1a1a1a';
const GRID = '#767676';

const svg = (id: string, width: number, height: number, title: string, description: string, body: string): Html =>
  raw(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">` +
      `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${body}</svg>`,
  );

/** Horizontal bars on a 0-`max` scale, one per row, the value printed at the end of each. */
export function barChart(id: string, title: string, bars: readonly Bar[], max = 100): Html {
  const rowHeight = 30;
  const labelWidth = 190;
  const plot = 300;
  const height = bars.length * rowHeight + 24;
  const rows = bars.map((b, i) => {
    const y = i * rowHeight;
    const w = b.value === null ? 0 : Math.round((plot * Math.min(b.value, max)) / max);
    return (
      `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" font-size="13" fill="${INK}">${escapeHtml(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 6}" width="${w}" height="18" fill="${BAR}"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 19}" font-size="13" fill="${INK}">${escapeHtml(b.caption)}</text>`
    );
  });
  const ticks = [0, 25, 50, 75, 100].map((t) => {
    const x = labelWidth + (plot * t) / 100;
    return `<line x1="${x}" x2="${x}" y1="0" y2="${height - 20}" stroke="${GRID}" stroke-width="0.5" stroke-dasharray="2 3"/><text x="${x}" y="${height - 6}" text-anchor="middle" font-size="11" fill="${INK}">${(max * t) / 100}</text>`;
  });
  const description = bars.map((b) => `${b.label}: ${b.caption}`).join('; ');
  return svg(id, labelWidth + plot + 80, height, title, description, ticks.join('') + rows.join(''));
}

export interface ParetoBar {
  readonly label: string;
  readonly count: number;
  /** This bar's share and every larger one's, 0-1. */
  readonly cumulativeShare: number;
}

/** A Pareto chart: bars largest first, the cumulative share as a line on a 0-100% axis, and the 80% mark. */
export function paretoChart(id: string, title: string, bars: readonly ParetoBar[], unit: string): Html {
  const left = 40;
  const top = 22;
  const plotHeight = 180;
  const slot = 64;
  const width = left + Math.max(1, bars.length) * slot + 50;
  const height = top + plotHeight + 92;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const yOf = (count: number) => top + plotHeight - (plotHeight * count) / max;
  const yShare = (share: number) => top + plotHeight - plotHeight * share;
  const columns = bars.map((b, i) => {
    const x = left + i * slot + 12;
    const label = escapeHtml(b.label);
    return (
      `<rect x="${x}" y="${yOf(b.count)}" width="${slot - 24}" height="${top + plotHeight - yOf(b.count)}" fill="${BAR}"/>` +
      `<text x="${x + (slot - 24) / 2}" y="${yOf(b.count) - 4}" text-anchor="middle" font-size="12" fill="${INK}">${b.count}</text>` +
      `<text transform="translate(${x + (slot - 24) / 2} ${top + plotHeight + 12}) rotate(35)" font-size="11" fill="${INK}">${label}</text>`
    );
  });
  const points = bars.map((b, i) => `${left + i * slot + slot / 2},${yShare(b.cumulativeShare)}`).join(' ');
  const line = bars.length ? `<polyline points="${points}" fill="none" stroke="${LINE}" stroke-width="2"/>` + bars.map((b, i) => `<circle cx="${left + i * slot + slot / 2}" cy="${yShare(b.cumulativeShare)}" r="3" fill="${LINE}"/>`).join('') : '';
  const axis =
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotHeight}" stroke="${INK}"/>` +
    `<line x1="${left}" x2="${width - 40}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="${INK}"/>` +
    `<line x1="${left}" x2="${width - 40}" y1="${yShare(0.8)}" y2="${yShare(0.8)}" stroke="${LINE}" stroke-dasharray="4 4" stroke-width="1"/>` +
    `<text x="${width - 38}" y="${yShare(0.8) + 4}" font-size="11" fill="${LINE}">80%</text>` +
    `<text x="${width - 38}" y="${top + 8}" font-size="11" fill="${LINE}">100%</text>`;
  const description = bars.map((b) => `${b.label}: ${b.count} ${unit}, ${Math.round(b.cumulativeShare * 100)}%`).join('; ');
  return svg(id, width, height, title, description, axis + columns.join('') + line);
}
