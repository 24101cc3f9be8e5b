/**
 * Writes docs/workflow.md: the workflow diagram and tables, generated from the
 * machine in @redress/core (see docs/workflow-doc.ts).
 *
 *   npm run docs:diagram   regenerate the page
 *   npm run docs:check     (the same with --check) exit 1 when the page is stale, write nothing
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REGENERATE_COMMAND, WORKFLOW_DOC_PATH, renderWorkflowDoc } from './workflow-doc.ts';

const target = fileURLToPath(new URL(`../${WORKFLOW_DOC_PATH}`, import.meta.url));
const expected = renderWorkflowDoc();

function current(): string | undefined {
  try {
    return readFileSync(target, 'utf8').replaceAll('\r\n', '\n');
  } catch {
    return undefined;
  }
}

if (process.argv.includes('--check')) {
  const found = current();
  if (found === expected) {
    console.log(`${WORKFLOW_DOC_PATH} is up to date.`);
  } else {
    console.error(`${WORKFLOW_DOC_PATH} is ${found === undefined ? 'missing' : 'stale'}: run \`${REGENERATE_COMMAND}\`.`);
    process.exitCode = 1;
  }
} else if (current() === expected) {
  console.log(`${WORKFLOW_DOC_PATH} is already up to date.`);
} else {
  writeFileSync(target, expected);
  console.log(`Wrote ${WORKFLOW_DOC_PATH}.`);
}
