import { executePath, simplePaths, transitionPaths } from '@redress/testing';
import { it } from 'vitest';
import { departmentHeadSignsOffLargeRefunds } from '../sign-off-rule.js';

// Every simple path of the workflow, then one path per transition, through the engine with the host's rules.
it('every path of the machine runs through the engine', async () => {
  for (const path of [...simplePaths(), ...transitionPaths()]) await executePath(path, { rules: [departmentHeadSignsOffLargeRefunds] });
});
