/** The profile command arbitrary: every command it makes is valid for core's schema, and every type is made. */
import { CUSTOMER_PROFILE_COMMAND_TYPES, customerProfileCommandSchema, DEFAULT_CUSTOMER_TAGS } from '@redress/core';
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

  it('makes repair capabilities (at opening and in changes) and default tags without a hint', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(customerProfileCommand(), (command) => {
        const data = command.data as { organisation?: { repairCapability?: unknown }; repairCapability?: unknown; tag?: string; hint?: string };
        if (command.type === 'OpenCustomerProfile' && data.organisation?.repairCapability !== undefined) seen.add('open with repair capability');
        if (command.type === 'ChangeCustomerDetails' && data.repairCapability !== undefined) seen.add('change of repair capability');
        if (command.type === 'TagDifficultCustomer' && data.hint === undefined) {
          expect(DEFAULT_CUSTOMER_TAGS).toContain(data.tag);
          seen.add('default tag without a hint');
        }
        if (command.type === 'TagDifficultCustomer' && data.hint !== undefined && DEFAULT_CUSTOMER_TAGS.includes(data.tag as never)) seen.add('default tag with a hint');
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual(['change of repair capability', 'default tag with a hint', 'default tag without a hint', 'open with repair capability']);
  });
});
