/**
 * The workflow diagram of docs/workflow.md as a reader sees it (mermaid 11 in Chromium),
 * against the machine: each state is drawn inside the boxes of its ancestors and of no
 * other (so `archived` and `withdrawn` are outside `open`), each arrow of the machine
 * is drawn once from the right box to the right box, each command that keeps a step is
 * written in that step's box, and every command type is on the picture or in the table
 * beside it. Everything expected comes from the machine.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, complaintMachine, keptInSeveralSteps, machineStates, machineTransitions, mermaidId, transitionLabel, type MachineState } from '@redress/core';
import { chromiumOrSkip, launchChromium } from '../.config/test-support/browser.js';
import { mermaidBlocks, openDiagramPage, type MeasuredDiagram } from './test-support/diagram-page.ts';
import { inside, nearestShape, type Shape } from './test-support/geometry.ts';
import { stateLabel, TABULATE_FROM } from './workflow-diagram-section.ts';
import { WORKFLOW_DOC_PATH } from './workflow-doc.ts';

const page = readFileSync(new URL('./workflow.md', import.meta.url), 'utf8');
/** The Markdown under the diagram: where the commands that are not drawn are listed. */
const besideDiagram = page.slice(page.indexOf('### In every open step'), page.indexOf('\n## ', page.indexOf('### In every open step')));

const chromium = chromiumOrSkip('the workflow diagram test');
let browser: Browser;
let drawn: MeasuredDiagram;

beforeAll(async () => {
  if (chromium === undefined) return;
  browser = await launchChromium(chromium);
  const diagramPage = await openDiagramPage(browser);
  const [diagram] = mermaidBlocks(page);
  if (diagram === undefined) throw new Error(`${WORKFLOW_DOC_PATH} has no Mermaid block`);
  drawn = await diagramPage.measure(diagram);
  await diagramPage.save('workflow-diagram');
});
afterAll(async () => {
  await browser?.close();
});

const states = machineStates(complaintMachine);
const transitions = machineTransitions(complaintMachine);
const shapeOf = (state: MachineState): Shape | undefined =>
  (state.kind === 'compound' ? drawn.clusters : drawn.nodes).find((shape) => shape.id === mermaidId(state.path));
const isAncestor = (ancestor: MachineState, of: MachineState) =>
  ancestor.path.length < of.path.length && ancestor.path.every((key, i) => of.path[i] === key);

describe.skipIf(chromium === undefined)(`the diagram of ${WORKFLOW_DOC_PATH}, rendered`, () => {
  it('draws every state of the machine, by its name', () => {
    for (const state of states) {
      const title = (stateLabel(state.path) ?? '').split('<br/>');
      expect(shapeOf(state)?.lines.slice(0, title.length), state.path.join('.')).toEqual(title);
    }
  });

  it('draws each state inside the boxes of its ancestors and outside every other box: archived and withdrawn are not in open', () => {
    const compound = states.filter((s) => s.kind === 'compound');
    expect(compound.map((s) => s.path.join('.'))).toContain('open');
    for (const box of compound) {
      for (const state of states.filter((s) => s !== box)) {
        const within = inside(shapeOf(state)!.rect, shapeOf(box)!.rect);
        expect(within, `${state.path.join('.')} ${isAncestor(box, state) ? 'inside' : 'outside'} ${box.path.join('.')}`).toBe(isAncestor(box, state));
      }
    }
    for (const closed of ['archived', 'withdrawn']) expect(states.some((s) => s.path.join('.') === closed && s.path.length === 1)).toBe(true);
  });

  it('draws each arrow of the machine once, from its source to its target', () => {
    const shapes = [...drawn.nodes, ...drawn.clusters];
    const arrows = transitions.filter((t) => t.target !== undefined);
    const labelled = drawn.edges.filter((e) => e.label !== '');
    expect(labelled.map((e) => e.label).sort()).toEqual(arrows.map(transitionLabel).sort());
    for (const t of arrows) {
      const edge = labelled.find((e) => e.label === transitionLabel(t) && nearestShape(e.points[0]!, shapes)?.id === mermaidId(t.source));
      expect(edge, `an arrow "${transitionLabel(t)}" leaving ${t.source.join('.')}`).toBeDefined();
      expect(nearestShape(edge!.points.at(-1)!, shapes)?.id, `where "${transitionLabel(t)}" from ${t.source.join('.')} ends`).toBe(mermaidId(t.target!));
    }
  });

  it("writes each command that keeps a step in that step's box, once, unless the several-steps table lists it", () => {
    const tabulated = new Set(keptInSeveralSteps(complaintMachine, TABULATE_FROM).map((t) => `${t.source.join('.')} : ${transitionLabel(t)}`));
    for (const state of states.filter((s) => s.kind !== 'compound')) {
      const kept = transitions.filter((t) => t.target === undefined && t.source.join('.') === state.path.join('.'));
      const lines = shapeOf(state)!.lines;
      for (const t of kept) {
        const listed = tabulated.has(`${state.path.join('.')} : ${transitionLabel(t)}`);
        expect(lines.filter((line) => line === transitionLabel(t)), `${transitionLabel(t)} in ${state.path.join('.')}`).toHaveLength(listed ? 0 : 1);
        if (listed) expect(besideDiagram).toMatch(new RegExp(`\\| \`${transitionLabel(t).replace(/[[\]()]/g, '\\$&')}\` \\| [^\n]*\`${state.path.join('.')}\``));
      }
    }
  });

  it('shows every command type of the machine on the picture or in the table beside it', () => {
    const events = [...new Set([...transitions.map((t) => t.event), ...COMMAND_TYPES])];
    expect(events.filter((type) => !drawn.text.includes(type) && !besideDiagram.includes(`\`${type}`))).toEqual([]);
    for (const t of transitions.filter((k) => k.target === undefined && states.find((s) => s.path === k.source)?.kind === 'compound')) {
      expect(besideDiagram).toContain(`| \`${transitionLabel(t)}\` | \`${t.source.join('.')}\` |`);
    }
  });
});
