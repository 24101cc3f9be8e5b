/**
 * The dashboard's words in English and Simplified Chinese. The domain's words (steps,
 * commands, causes, roles…) come from @redress/core's labels; this file adds the
 * screen's own text, the form fields' labels and the few enums core does not label.
 * Typed like core's labels: a string missing in one language does not compile.
 */
import { labels as coreLabels, type Labels, type Locale } from '@redress/core';
import { en, type UiText } from './text/en.js';
import { zh } from './text/zh-CN.js';

export interface Text extends UiText {
  readonly locale: Locale;
  readonly core: Labels;
}

export const textFor = (locale: Locale): Text => ({ ...(locale === 'zh-CN' ? zh : en), locale, core: coreLabels(locale) });
