/** Production mode refuses the local accounts and the test hooks; the test hooks are off unless asked for. */
import { describe, expect, it } from 'vitest';
import { configFrom } from '../config.js';

describe('configFrom', () => {
  it('refuses the built-in accounts and the test hooks in production', () => {
    expect(() => configFrom({ NODE_ENV: 'production' }, [])).toThrow(/staff file/);
    expect(() => configFrom({ NODE_ENV: 'production', REDRESS_DESK_TEST_HOOKS: '1' }, [])).toThrow(/REDRESS_DESK_TEST_HOOKS/);
  });

  it('defaults to a SQLite file, no seed, no test hooks; PostgreSQL and the seed on request', () => {
    expect(configFrom({}, [])).toMatchObject({ store: { kind: 'sqlite', file: 'data/desk.db' }, seed: false, testHooks: false, port: 3000 });
    expect(configFrom({ REDRESS_DESK_POSTGRES: 'postgres://u:p@localhost/desk' }, ['--seed'])).toMatchObject({ store: { kind: 'postgres' }, seed: true });
    expect(() => configFrom({ PORT: 'eighty' }, [])).toThrow(/PORT/);
  });
});
