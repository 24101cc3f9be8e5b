/**
 * A missing or foreign binary must surface as a NativeBindingError saying what to run;
 * anything else the driver throws (a bad path, a locked file) passes through untouched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { NativeBindingError, withNativeBinding } from './native-binding.js';

const dir = mkdtempSync(join(tmpdir(), 'redress-binding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withNativeBinding', () => {
  it('explains a binary that is not there', () => {
    const missing = join(dir, 'missing', 'better_sqlite3.node');
    const open = () => withNativeBinding(() => new Database(':memory:', { nativeBinding: missing }));
    expect(open).toThrow(NativeBindingError);
    expect(open).toThrow(/pnpm approve-builds[\s\S]*npm rebuild better-sqlite3/);
  });

  it('explains a file that is not a binary for this machine', () => {
    const bogus = join(dir, 'better_sqlite3.node');
    writeFileSync(bogus, 'not a shared object');
    const error = (() => {
      try {
        withNativeBinding(() => new Database(':memory:', { nativeBinding: bogus }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NativeBindingError);
    expect((error as NativeBindingError).message).toContain(`ABI ${process.versions.modules}`);
    expect((error as NativeBindingError).cause).toBeInstanceOf(Error);
  });

  it('lets every other failure through as it was', () => {
    const locked = new Error('SQLITE_CANTOPEN: unable to open database file');
    expect(() => withNativeBinding(() => { throw locked; })).toThrow(locked);
    expect(() => withNativeBinding(() => new Database(join(dir, 'no', 'such', 'dir.db'), { fileMustExist: true }))).toThrow(/directory does not exist|unable to open/);
  });

  it('opens a database when the binding is fine', () => {
    const db = withNativeBinding(() => new Database(':memory:'));
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
  });
});
