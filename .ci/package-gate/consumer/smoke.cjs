/* global require, __dirname, console, process */
/* eslint-disable @typescript-eslint/no-require-imports -- this file is the CommonJS consumer */
// Every entry point through `require` (the CommonJS builds). Only the checks live in an ES module.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const entries = JSON.parse(readFileSync(join(__dirname, 'entries.json'), 'utf8'));
import('./exercise.mjs')
  .then(({ exerciseAll }) => exerciseAll(entries, async (id) => require(id)))
  .then((lines) => console.log(lines.map((l) => `cjs ${l}`).join('\n')))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
