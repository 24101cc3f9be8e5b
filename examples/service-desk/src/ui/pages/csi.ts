/**
 * Satisfaction: the CSI of each dimension (mean rating × 10) and the overall score, and
 * the causes of complaints as a Pareto chart, each chart followed by its figures as a table.
 */
import type { ComplaintAnalytics } from '@redress/csi';
import { DEFAULT_CSI_CONFIG, roundScore } from '@redress/csi';
import { barChart, paretoChart } from '../charts.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';

export function csiRegion(text: Text, analytics: ComplaintAnalytics): Html {
  const lang = text.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const dimensions = DEFAULT_CSI_CONFIG.dimensions.map((d) => {
    const result = analytics.surveys.dimensions[d.id];
    const score = result?.score ?? null;
    return { label: d.labels[lang], value: score, caption: score === null ? text.csi.unrated : `${roundScore(score).toFixed(1)} (n=${result?.count ?? 0})` };
  });
  const overall = analytics.surveys.overall;
  const causes = analytics.byCause.map((r) => ({
    label: r.cause === 'unknown' ? text.csi.unknownCause : text.core.causes[r.cause],
    count: r.count,
    cumulativeShare: r.cumulativeShare,
  }));
  return html`<div id="csi" hx-get="/fragments/csi" hx-trigger="desk:changed from:body" hx-swap="outerHTML">
    <section aria-labelledby="dims-h"><h2 id="dims-h">${text.csi.byDimension}</h2>
      <p class="overall">${text.csi.overall}: <strong data-overall="${overall === null ? '' : roundScore(overall).toFixed(1)}">${overall === null ? text.csi.unrated : roundScore(overall).toFixed(1)}</strong> · ${analytics.surveys.responses} ${text.csi.responses}</p>
      ${barChart('chart-dimensions', text.csi.byDimension, dimensions)}
      <details><summary>${text.csi.table}</summary><table><thead><tr><th scope="col">${text.fields.dimension}</th><th scope="col">CSI</th></tr></thead>
        <tbody>${dimensions.map((d) => html`<tr><th scope="row">${d.label}</th><td>${d.caption}</td></tr>`)}</tbody></table></details>
    </section>
    <section aria-labelledby="pareto-h"><h2 id="pareto-h">${text.csi.pareto}</h2>
      ${paretoChart('chart-pareto', text.csi.pareto, causes, text.csi.count)}
      <details><summary>${text.csi.table}</summary><table><thead><tr><th scope="col">${text.fields.cause}</th><th scope="col">${text.csi.count}</th><th scope="col">${text.csi.cumulative}</th></tr></thead>
        <tbody>${causes.map((c) => html`<tr><th scope="row">${c.label}</th><td>${c.count}</td><td>${(c.cumulativeShare * 100).toFixed(1)}%</td></tr>`)}</tbody></table></details>
    </section>
  </div>`;
}

export const csiPage = (text: Text, analytics: ComplaintAnalytics): Html => html`<h1>${text.csi.title}</h1>${csiRegion(text, analytics)}`;
