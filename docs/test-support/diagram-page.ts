/**
 * The docs' Mermaid diagrams as a reader's viewer shows them: the `mermaid` package
 * (11, as GitHub and most docs sites use) rendering in a real Chromium, measured by
 * measure-diagram.js. Renders are saved under docs/.rendered/ (gitignored) as SVG and
 * PNG, to look at when a check fails.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Edge, Shape } from './geometry.ts';

const docs = fileURLToPath(new URL('..', import.meta.url));
const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const measureScript = fileURLToPath(new URL('./measure-diagram.js', import.meta.url));

/** Where the renders go. */
export const RENDERED = join(docs, '.rendered');

/** The width of a docs column (GitHub's is a little wider, most docs themes narrower). */
export const DOCS_COLUMN_PX = 800;

export interface MeasuredDiagram {
  readonly svg: string;
  /** The diagram's own size (its viewBox), before it is fitted into the column. */
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  /** The smallest text once fitted into the column. */
  readonly smallestTextPx: number;
  /** All the text of the SVG. */
  readonly text: string;
  readonly nodes: readonly Shape[];
  readonly clusters: readonly Shape[];
  readonly edges: readonly Edge[];
}

/** The Mermaid blocks of a Markdown text, in order. */
export const mermaidBlocks = (markdown: string): string[] => [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');

/** Every Markdown page under docs/ with its Mermaid blocks (pages without any left out). */
export function docsDiagrams(): { readonly page: string; readonly blocks: readonly string[] }[] {
  const pages: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') visit(join(dir, entry.name));
      else if (entry.name.endsWith('.md')) pages.push(join(dir, entry.name));
    }
  };
  visit(docs);
  return pages
    .sort()
    .map((path) => ({ page: relative(docs, path), blocks: mermaidBlocks(readFileSync(path, 'utf8')) }))
    .filter((page) => page.blocks.length > 0);
}

export interface DiagramPage {
  /** Renders `text` into a column `width` pixels wide; throws with Mermaid's message when it does not parse. */
  measure(text: string, width?: number): Promise<MeasuredDiagram>;
  /** Saves the last render as `<name>.svg` and `<name>.png` under docs/.rendered/. */
  save(name: string): Promise<void>;
}

export async function openDiagramPage(browser: Browser): Promise<DiagramPage> {
  const page: Page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.setContent('<!doctype html><html><body style="margin:0;background:white"><div id="column"></div></body></html>');
  await page.addScriptTag({ path: mermaidScript });
  await page.addScriptTag({ path: measureScript });
  let last: MeasuredDiagram | undefined;
  return {
    async measure(text, width = DOCS_COLUMN_PX) {
      const result = await page.evaluate(([t, w]) => (globalThis as unknown as { measureDiagram: (t: string, w: number) => Promise<unknown> }).measureDiagram(t, w), [text, width] as const);
      const error = (result as { error?: string }).error;
      if (error !== undefined) throw new Error(`Mermaid could not render the diagram: ${error}`);
      last = result as MeasuredDiagram;
      return last;
    },
    async save(name) {
      if (last === undefined) throw new Error('nothing rendered yet');
      mkdirSync(RENDERED, { recursive: true });
      writeFileSync(join(RENDERED, `${name}.svg`), last.svg);
      await page.locator('#column').screenshot({ path: join(RENDERED, `${name}.png`) });
    },
  };
}
