// Every entry point through `import` (the ESM builds). The entries come from the packed package.json files.
import { readFileSync } from 'node:fs';
import { exerciseAll } from './exercise.mjs';

const entries = JSON.parse(readFileSync(new URL('./entries.json', import.meta.url), 'utf8'));
const lines = await exerciseAll(entries, (id) => import(id));
console.log(lines.map((l) => `esm ${l}`).join('\n'));
