/**
 * Redress 0.1.0, the released version, as code a test can run: `@redress/core` and
 * `@redress/csi` taken from the repository's history at the release (`git archive`), into a
 * temporary directory whose `node_modules` point at today's dependencies, and `@redress/csi`'s
 * `@redress/core` at the old core. Vitest compiles the old sources as it does today's (the
 * `@redress/source` export condition). For downgrade tests: what 0.1.0 does with a log this
 * version wrote. It starts processes (git, tar): only integration-tier files use it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Core from '@redress/core';
import type * as Csi from '../index.js';

/**
 * The commit 0.1.0 was released from: main as landed before the first change that names 0.1.0 as the
 * older version (csi's protected `SurveyAttempted`, its bounded record ids). Every package is 0.1.0 there.
 */
export const RELEASE_0_1_0 = '56c3959';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The two packages of 0.1.0, loaded; `close()` removes the copy. Typed as today's packages: what a
 * downgrade test calls must exist with the same meaning in 0.1.0 (a call that does not fails at run time).
 */
export interface Release010 {
  readonly core: typeof Core;
  readonly csi: typeof Csi;
  close(): void;
}

export async function loadRelease010(): Promise<Release010> {
  // Outside the repository and any node_modules: vitest compiles what it imports from here.
  const root = mkdtempSync(join(tmpdir(), 'redress-0.1.0-'));
  const paths = ['packages/core/package.json', 'packages/core/src', 'packages/csi/package.json', 'packages/csi/src'];
  let archive: Buffer;
  try {
    archive = execFileSync('git', ['-C', repository, 'archive', '--format=tar', RELEASE_0_1_0, ...paths], { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`0.1.0 is read from the repository's history (commit ${RELEASE_0_1_0}): run the downgrade tests in a full clone (git fetch --unshallow)`, { cause: e });
  }
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  // The old core's dependencies are today's (the lock file only gained packages since); csi's core is the old one.
  symlinkSync(join(repository, 'packages/core/node_modules'), join(root, 'packages/core/node_modules'), 'dir');
  mkdirSync(join(root, 'packages/csi/node_modules/@redress'), { recursive: true });
  symlinkSync(join(repository, 'packages/csi/node_modules/zod'), join(root, 'packages/csi/node_modules/zod'), 'dir');
  symlinkSync(join(root, 'packages/core'), join(root, 'packages/csi/node_modules/@redress/core'), 'dir');
  const load = async <T>(name: string): Promise<T> => (await import(/* @vite-ignore */ pathToFileURL(join(root, 'packages', name, 'src/index.ts')).href)) as T;
  return { core: await load<Release010['core']>('core'), csi: await load<Release010['csi']>('csi'), close: () => rmSync(root, { recursive: true, force: true }) };
}
