/**
 * Writes packages/core/schemas/: the JSON Schemas of every command and event, generated
 * from the zod schemas (see src/evolution/published-schemas.ts).
 *
 *   npm run schemas:write   regenerate the files (and remove files no schema makes any more)
 *   npm run docs:check      (this script with --check) exit 1 when a file is stale, missing or extra; write nothing
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedSchemas, REGENERATE_SCHEMAS_COMMAND, schemaFileText, SCHEMAS_DIR } from '../src/evolution/published-schemas.ts';

const root = fileURLToPath(new URL(`../${SCHEMAS_DIR}/`, import.meta.url));
const expected = new Map(publishedSchemas().map((s) => [s.file, schemaFileText(s.schema)]));

function filesOnDisk(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesOnDisk(join(dir, d.name)) : [relative(root, join(dir, d.name)).split('\\').join('/')]));
  } catch {
    return [];
  }
}

const read = (file: string) => {
  try {
    return readFileSync(join(root, file), 'utf8').replaceAll('\r\n', '\n');
  } catch {
    return undefined;
  }
};

const stale = [...expected].filter(([file, text]) => read(file) !== text).map(([file]) => file);
const extra = filesOnDisk(root).filter((file) => !expected.has(file));

if (process.argv.includes('--check')) {
  if (stale.length === 0 && extra.length === 0) {
    console.log(`packages/core/${SCHEMAS_DIR}/ is up to date (${expected.size} schemas).`);
  } else {
    for (const file of stale) console.error(`packages/core/${SCHEMAS_DIR}/${file} is ${read(file) === undefined ? 'missing' : 'stale'}`);
    for (const file of extra) console.error(`packages/core/${SCHEMAS_DIR}/${file} is no schema any more`);
    console.error(`Run \`${REGENERATE_SCHEMAS_COMMAND}\`.`);
    process.exitCode = 1;
  }
} else {
  for (const file of stale) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), expected.get(file) as string);
  }
  for (const file of extra) rmSync(join(root, file));
  console.log(`packages/core/${SCHEMAS_DIR}/: ${stale.length} written, ${extra.length} removed, ${expected.size - stale.length} already up to date.`);
}
