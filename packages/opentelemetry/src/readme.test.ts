/** The README's example is `readme-example.ts`, verbatim; it runs with no SDK registered (the API's no-ops). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const example = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README example', () => {
  it('is in the README verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('runs: an engine and a ticker that work with no SDK registered', async () => {
    const { engine, ticker } = await import('./readme-example.js');
    const result = await engine.execute({ type: 'AddNote', complaintId: 'nobody', actor: { id: 'li', role: 'handler' }, data: { text: 'x' } });
    expect(result.ok ? 'ok' : result.error.kind).toBe('NotFound');
    expect((await ticker.tick(Date.parse('2026-11-23T01:00:00Z'))).appended).toEqual([]);
  });
});
