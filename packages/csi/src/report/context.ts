/** What every section of the report needs: the words in the chosen language and the configuration's names. */
import { labels as coreLabels, type Labels, type Locale } from '@redress/core';
import { dimensionOf, type CsiConfig } from '../dimensions/config.js';
import { REPORT_LABELS, type ReportLabels } from './labels.js';

export interface ReportContext {
  readonly locale: Locale;
  readonly l: ReportLabels;
  readonly core: Labels;
  readonly config: CsiConfig;
  readonly dimensionName: (id: string) => string;
  readonly reasonName: (dimension: string, code: string) => string;
}

export function reportContext(locale: Locale, config: CsiConfig): ReportContext {
  return {
    locale,
    l: REPORT_LABELS[locale],
    core: coreLabels(locale),
    config,
    dimensionName: (id) => dimensionOf(config, id)?.labels[locale] ?? id,
    reasonName: (dimension, code) => dimensionOf(config, dimension)?.reasons.find((r) => r.id === code)?.labels[locale] ?? code,
  };
}
