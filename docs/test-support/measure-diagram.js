/* global window, document, DOMPoint, getComputedStyle */
/**
 * Runs in the browser page, next to mermaid.min.js: renders a Mermaid text into a
 * column of a given width and measures what a reader sees, in page pixels. Plain
 * JavaScript loaded with a script tag, so no bundler helper leaks into the page.
 *
 * Mermaid 11's SVG, as read here: boxes are `g.node` (id `<render id>-state-<state>-<n>`
 * or `<render id>-flowchart-<node>-<n>`), boxes around boxes are `g.cluster` /
 * `.statediagram-cluster` with `data-id`, arrows are `path[data-edge]` whose
 * `data-id` is also on their label (`g.edgeLabel .label[data-id]`).
 */
window.measureDiagram = async function measureDiagram(text, width) {
  const column = document.getElementById('column');
  column.style.width = `${width}px`;
  column.innerHTML = '';
  const mermaid = window.mermaid;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  let svgText;
  try {
    ({ svg: svgText } = await mermaid.render('diagram', text));
  } catch (error) {
    return { error: String(error && error.message ? error.message : error) };
  }
  column.innerHTML = svgText;
  const svg = column.querySelector('svg');
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const lines = (el) =>
    [...el.querySelectorAll('p, span.nodeLabel, text')]
      .filter((e) => !e.querySelector('p'))
      .flatMap((e) => e.innerText.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l !== '');
  const nameOf = (id) => id.replace(/^diagram-(state|flowchart)-/, '').replace(/-\d+$/, '');

  const nodes = [...svg.querySelectorAll('g.node')].map((el) => ({ id: nameOf(el.id), rect: box(el), lines: lines(el) }));
  const clusters = [...svg.querySelectorAll('g.cluster, g.statediagram-cluster')].map((el) => ({
    id: el.getAttribute('data-id') || nameOf(el.id),
    rect: box(el.querySelector('rect') || el),
    lines: lines(el.querySelector('.cluster-label') || el),
  }));
  const edges = [...svg.querySelectorAll('path[data-edge="true"]')].map((path) => {
    const id = path.getAttribute('data-id');
    const label = svg.querySelector(`.edgeLabel .label[data-id="${id}"]`);
    const matrix = path.getScreenCTM();
    const length = path.getTotalLength();
    const points = [];
    for (let at = 0; at <= length; at += 3) {
      const p = path.getPointAtLength(at);
      const q = new DOMPoint(p.x, p.y).matrixTransform(matrix);
      points.push({ x: q.x, y: q.y });
    }
    const text = label ? lines(label).join(' ') : '';
    return { id, label: text, labelRect: text === '' ? null : box(label), points };
  });

  // How large the smallest text is once the diagram is fitted into the column.
  const viewBox = svg.viewBox.baseVal;
  const scale = svg.getBoundingClientRect().width / viewBox.width;
  const sizes = [...svg.querySelectorAll('p, span, text')]
    .filter((e) => e.textContent.trim() !== '')
    .map((e) => parseFloat(getComputedStyle(e).fontSize) * scale);
  return {
    svg: svgText,
    naturalWidth: viewBox.width,
    naturalHeight: viewBox.height,
    smallestTextPx: Math.min(...sizes),
    text: svg.textContent,
    nodes,
    clusters,
    edges,
  };
};
