import fc from 'fast-check';
import { checkWorkflow, workflowProperty } from '@redress/testing';
import { departmentHeadSignsOffLargeRefunds } from '../sign-off-rule.js';

const rules = [departmentHeadSignsOffLargeRefunds];
await checkWorkflow({ rules }, { numRuns: 10 }); // fc.assert underneath: throws fast-check's report on failure
await fc.assert(workflowProperty({ rules }), { numRuns: 10, seed: 42 }); // the same, spelled out
console.log('no counterexample in 20 runs');
