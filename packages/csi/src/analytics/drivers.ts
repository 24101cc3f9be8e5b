/**
 * The main drivers of dissatisfaction: the reason codes customers gave, as a Pareto.
 * A reason counts once per customer (per response) whatever the dimension rated; its
 * share of the customers reached is the figure the material quotes (占成功回访比例),
 * its share of all reasons given builds the Pareto, and the main drivers are the
 * fewest top reasons that together make up `mainShare` (80%) of them.
 */
import type { ModuleConfig } from '../dimensions/config.js';
import type { SurveyResponse } from './facts.js';
import { rate, type Rate } from './stats.js';

/**
 * The default share of all reasons given that the main drivers make up together: 0.8, the Pareto
 * 80/20 rule. `analyze` takes `mainDriverShare` to change it.
 */
export const MAIN_DRIVER_SHARE = 0.8;

/** A reason code customers gave in a module, as a row of the drivers Pareto (largest first). */
export interface Driver {
  /** The dimension the reason was given for. */
  readonly dimension: string;
  /** The reason code's id (its labels are in the configuration). */
  readonly reason: string;
  /** Customers (responses) who gave it. */
  readonly customers: number;
  /** Of the customers reached. */
  readonly ofReached: Rate;
  /** Of all reasons given in the module. */
  readonly share: number;
  /** `share` of this row plus every row before it (0-1): the Pareto curve; the last row's is 1. */
  readonly cumulativeShare: number;
  /** Among the fewest top reasons that make up `mainShare` of all reasons given. */
  readonly main: boolean;
}

/** The module's order: dimensions as configured, their reasons as configured, unknown codes last by id. */
function orderOf(module: ModuleConfig): (dimension: string, reason: string) => number {
  const index = new Map<string, number>();
  module.dimensions.forEach((d, i) => d.reasons.forEach((r, j) => index.set(`${d.id}\u0000${r.id}`, i * 1000 + j)));
  return (dimension, reason) => index.get(`${dimension}\u0000${reason}`) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The main drivers of dissatisfaction in a module: its reason codes (per dimension), each counted
 * once per response that gave it, so a row counts customers, not mentions; largest first, ties in
 * the configuration's order. `reached` is the base of `ofReached`;
 * a row is `main` while the rows before it make up less than `mainShare` of all reasons given, so
 * the main drivers are the fewest top rows reaching it. Reasons of other modules' dimensions are
 * left out.
 */
export function drivers(responses: readonly SurveyResponse[], module: ModuleConfig, reached: number, mainShare = MAIN_DRIVER_SHARE): Driver[] {
  const inModule = new Set(module.dimensions.map((d) => d.id));
  const counts = new Map<string, { dimension: string; reason: string; customers: number }>();
  for (const r of responses) {
    const given = new Set<string>();
    for (const rating of r.ratings) {
      if (!inModule.has(rating.dimension)) continue;
      for (const reason of rating.reasons) given.add(`${rating.dimension}\u0000${reason}`);
    }
    for (const key of given) {
      const [dimension = '', reason = ''] = key.split('\u0000');
      const row = counts.get(key) ?? { dimension, reason, customers: 0 };
      row.customers++;
      counts.set(key, row);
    }
  }
  const order = orderOf(module);
  const rows = [...counts.values()].sort(
    (a, b) => b.customers - a.customers || order(a.dimension, a.reason) - order(b.dimension, b.reason) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
  const total = rows.reduce((sum, r) => sum + r.customers, 0);
  let before = 0;
  return rows.map((r) => {
    const main = before / total < mainShare;
    before += r.customers;
    return { ...r, ofReached: rate(r.customers, reached), share: r.customers / total, cumulativeShare: before / total, main };
  });
}
