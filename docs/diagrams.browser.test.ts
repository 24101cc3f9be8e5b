/**
 * Every Mermaid block of the docs, rendered as a reader's viewer renders it (mermaid 11
 * in Chromium): it parses, no label sits on another label or a box, no arrow runs
 * through another arrow's label, and fitted into a docs column its text stays readable.
 * The renders are saved under docs/.rendered/ to look at.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium } from '../.config/test-support/browser.js';
import { DOCS_COLUMN_PX, docsDiagrams, openDiagramPage, type DiagramPage } from './test-support/diagram-page.ts';
import { crossings } from './test-support/geometry.ts';

/** Smaller than this, a reader squints (GitHub's body text is 16px). */
const READABLE_PX = 13;

const chromium = chromiumOrSkip('the docs diagram tests');
let browser: Browser;
let page: DiagramPage;

beforeAll(async () => {
  if (chromium === undefined) return;
  browser = await launchChromium(chromium);
  page = await openDiagramPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

const diagrams = docsDiagrams().flatMap(({ page: file, blocks }) => blocks.map((text, i) => ({ file, text, title: `${file}, diagram ${i + 1}`, name: `${file.replace(/\W/g, '-')}-${i + 1}` })));

describe.skipIf(chromium === undefined)('the Mermaid diagrams of docs/', () => {
  it('include the workflow and the architecture diagrams', () => {
    expect(diagrams.map((d) => d.file)).toEqual(expect.arrayContaining(['workflow.md', 'architecture.md']));
  });

  it.each(diagrams)('$title: renders without overlaps, readable in a docs column', async ({ text, name }) => {
    const drawn = await page.measure(text);
    await page.save(name);
    expect(drawn.nodes.length).toBeGreaterThan(1);
    expect(crossings(drawn.edges, drawn.nodes)).toEqual([]);
    expect(drawn.smallestTextPx, `${drawn.naturalWidth}px wide, shrunk to ${DOCS_COLUMN_PX}px`).toBeGreaterThanOrEqual(READABLE_PX);
  });

  it('fails on a diagram Mermaid cannot parse', async () => {
    await expect(page.measure('stateDiagram-v2\n  a --> : oops\n  state {')).rejects.toThrow(/Mermaid could not render/);
  });
});
