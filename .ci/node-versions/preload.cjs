/* global process, require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload */
/**
 * Loaded first by every process of a run on another Node (NODE_OPTIONS=--require), so
 * that better-sqlite3, compiled by `pnpm install` for the workspace's Node, loads the
 * binary built for this Node's ABI instead (REDRESS_BETTER_SQLITE3_BINDING, made by
 * .ci/node-versions.mjs). Only the driver's own build directory is redirected: a test
 * that hands better-sqlite3 a binary of its own (a missing or bogus one) still gets it.
 */
const binding = process.env.REDRESS_BETTER_SQLITE3_BINDING;
if (binding) {
  const { sep } = require('node:path');
  const ownBuild = `${sep}better-sqlite3${sep}build${sep}Release${sep}better_sqlite3.node`;
  const dlopen = process.dlopen;
  process.dlopen = function redirectedDlopen(module, filename, ...rest) {
    return dlopen.call(this, module, String(filename).endsWith(ownBuild) ? binding : filename, ...rest);
  };
}
