import { fc, test } from '@fast-check/vitest';
import { invariantCatalogue, remedy, runWorkflow, streamInvariant, workflowCommands, type PayloadGenerators } from '@redress/testing';
import { remedyWithinTwoWeeks } from './rules.js';

const DAY_MS = 24 * 60 * 60 * 1000;

// What the rule promises, as a fact about the log.
const noRemedyLaterThanTwoWeeks = streamInvariant('noRemedyLaterThanTwoWeeks', 'every remedy is agreed for at most 14 days after it was proposed', (stream) =>
  stream.some((e) => e.type === 'ResolutionProposed' && Date.parse(e.data.agreedDeadline) - Date.parse(e.occurredAt) > 14 * DAY_MS)
    ? 'a remedy was agreed for later than 14 days'
    : null,
);

// Proposals up to 30 days out (the built-in generator stays within 14), so the rule is put to the test.
const proposeUpTo30Days: Partial<PayloadGenerators> = {
  ProposeResolution: (c) =>
    fc.record({ remedy: remedy(c), agreedDeadline: fc.integer({ min: 1, max: 30 * 24 }).map((h) => new Date(Date.parse(c.now) + h * 3_600_000).toISOString()) }),
};

// fast-check drives the engine with random command sequences and checks our invariant,
// with the built-in catalogue, after every command.
const options = { rules: [remedyWithinTwoWeeks], generators: proposeUpTo30Days, invariants: [...invariantCatalogue, noRemedyLaterThanTwoWeeks] };
test.prop([workflowCommands(options)], { numRuns: 50 })('the engine keeps our 14-day promise', (commands) => runWorkflow(options, commands));
