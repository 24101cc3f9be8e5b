/** The profile command arbitrary: every command it makes is valid for core's schema, and every type is made. */
import { CUSTOMER_PROFILE_COMMAND_TYPES, customerProfileCommandSchema } from '@redress/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerProfileCommand } from './customers.js';

describe('customerProfileCommand', () => {
  it('makes commands valid for their schema, of every type', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(customerProfileCommand(), (command) => {
        const parsed = customerProfileCommandSchema.safeParse(command);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        seen.add(command.type);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([...CUSTOMER_PROFILE_COMMAND_TYPES].sort());
  });
});
