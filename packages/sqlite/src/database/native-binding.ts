/**
 * better-sqlite3 is a native addon: its binary is compiled on install, for one Node
 * ABI. When that did not happen (the package manager skipped install scripts, pnpm was
 * not allowed to build it, no compiler) or the binary is for another Node version, the
 * driver's own error names a .node path; this one says what to run.
 */
import type { Database } from 'better-sqlite3';

/** better-sqlite3 is installed, but its compiled binding is missing or built for another Node. */
export class NativeBindingError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'NativeBindingError';
  /**
   * Always `'NativeBinding'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'NativeBinding' as const;
  constructor(override readonly cause: Error) {
    super(
      [
        `better-sqlite3's native binding could not be loaded on Node ${process.version} (ABI ${process.versions.modules}): ${cause.message.split('\n')[0]}`,
        'It is compiled when better-sqlite3 is installed, for the Node version that installs it. To build it:',
        '  pnpm: allow the build (`pnpm approve-builds`, or list better-sqlite3 in onlyBuiltDependencies), then `pnpm rebuild better-sqlite3`',
        '  npm:  make sure install scripts run (no `ignore-scripts=true` in .npmrc), then `npm rebuild better-sqlite3`',
        '  yarn: `yarn rebuild better-sqlite3` (Berry: enableScripts must not be false)',
        'Compiling from source needs python3, make and a C++ compiler (Debian/Ubuntu: apt-get install -y python3 make g++).',
        'After switching Node versions, rebuild it: a binding serves one ABI only.',
      ].join('\n'),
    );
  }
}

/** The driver's ways of saying it found no usable binary (not found, another ABI, not a binary for this machine). */
const BINDING_FAILURE = /Could not locate the bindings file|NODE_MODULE_VERSION|invalid ELF header|wrong ELF class|not a valid Win32 application|mach-o|Module did not self-register|better_sqlite3\.node/i;

/** Opens a connection with `open`, turning a missing or mismatched native binding into a NativeBindingError. */
export function withNativeBinding(open: () => Database): Database {
  try {
    return open();
  } catch (e) {
    if (e instanceof Error && (BINDING_FAILURE.test(e.message) || (e as { code?: unknown }).code === 'ERR_DLOPEN_FAILED')) throw new NativeBindingError(e);
    throw e;
  }
}
