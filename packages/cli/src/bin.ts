#!/usr/bin/env node
/** The `redress` binary. */
import { readFileSync } from 'node:fs';
// Through the package's own entry, so the binary shares the library build instead of bundling a copy.
import { processIo, runCli } from '@redress/cli';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
process.exitCode = await runCli(process.argv.slice(2), processIo(), { version });
