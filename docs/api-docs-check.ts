// The API reference gate: every public export of every package (each entry point its package.json
// exports, as the packages' typedoc.json list them) carries a TSDoc comment, and so do the members
// of exported interfaces, classes and enums. A host reads these in the editor and in docs/api, so a
// missing one is a hole in the documentation, and CI fails on it (`npm run docs:check`).
//
// TypeDoc's own `validation.notDocumented` is not used as the gate because it also demands comments
// on the properties TypeScript infers inside a variable's type (the internals of every zod schema's
// inferred type: 1,860 of them), which no host reads. This walk asks exactly what a reader meets:
// the declarations under each entry point and the members they declare. It also fails when a public
// signature names a type no entry point exports (TypeDoc's `notExported`), since a host cannot then
// name that type.
//
// Exports already undocumented when the gate arrived are listed in docs/api-undocumented.txt: the
// list only shrinks (`npm run docs:undocumented` drops the ones that got comments), and any export
// not on it, new or old, fails without a comment. Run: `npx tsx docs/api-docs-check.ts` (with `--html`,
// as `npm run docs:api` does, it then writes the reference to docs/api).
import { readFileSync, writeFileSync } from 'node:fs';

import { Application, type DeclarationReflection, LogLevel, type Reflection, ReflectionKind } from 'typedoc';

const TOP_LEVEL =
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Enum |
  ReflectionKind.Namespace;
const MEMBER =
  ReflectionKind.Property | ReflectionKind.Method | ReflectionKind.Accessor | ReflectionKind.EnumMember;

/** A reflection's own comment, or one on any of its signatures (functions and methods keep theirs there). */
function documented(reflection: DeclarationReflection): boolean {
  if (reflection.hasComment()) return true;
  const signatures = [
    ...(reflection.signatures ?? []),
    reflection.getSignature,
    reflection.setSignature,
  ].filter((signature) => signature !== undefined);
  return signatures.some((signature) => signature.hasComment());
}

/** Members inherited from another declaration are documented (or not) where they are declared. */
function ownMembers(reflection: DeclarationReflection): DeclarationReflection[] {
  if (!reflection.kindOf(ReflectionKind.Interface | ReflectionKind.Class | ReflectionKind.Enum)) return [];
  return (reflection.children ?? []).filter(
    (child) => child.kindOf(MEMBER) && child.inheritedFrom === undefined && !child.flags.isPrivate,
  );
}

function describe(reflection: DeclarationReflection): string {
  const source = reflection.sources?.[0];
  const where = source === undefined ? '' : ` ${source.fullFileName}:${source.line}`;
  return `${reflection.getFullName()} (${ReflectionKind[reflection.kind]})${where}`;
}

/** Walks packages and entry points (modules) down to their declarations, and into namespaces. */
function undocumentedUnder(parent: Reflection): string[] {
  const missing: string[] = [];
  parent.traverse((child) => {
    const declaration = child as DeclarationReflection;
    if (declaration.kindOf(ReflectionKind.Module)) {
      missing.push(...undocumentedUnder(declaration));
      return true;
    }
    if (!declaration.kindOf(TOP_LEVEL)) return true;
    if (!documented(declaration)) missing.push(describe(declaration));
    for (const member of ownMembers(declaration)) {
      if (!documented(member)) missing.push(describe(member));
    }
    if (declaration.kindOf(ReflectionKind.Namespace)) missing.push(...undocumentedUnder(declaration));
    return true;
  });
  return missing;
}

const app = await Application.bootstrapWithPlugins({
  options: new URL('../.config/typedoc.json', import.meta.url).pathname,
  logLevel: 'Warn',
  validation: { notExported: true, notDocumented: false, invalidLink: true },
});
const project = await app.convert();
if (project === undefined) {
  console.error('api-docs-check: TypeDoc could not convert the packages (see the errors above)');
  process.exit(1);
}
// Internal helper types a public signature mentions, shown inline by TypeDoc: exporting them would
// only widen the API. Any other unexported type named by a public signature fails the check.
const INTERNAL_TYPES = new Set(['targetSchema', 'Index', 'AcknowledgementSoFar', 'Interval', 'CommonOptions', 'Move', 'Wording', 'Recorded']);
const internal = (message: string) => INTERNAL_TYPES.has(/^(\S+), defined in .* but not included in the documentation$/.exec(message)?.[1] ?? '');
// notExported and invalid links arrive as validation warnings: collect them.
const problems: string[] = [];
const log = app.logger.log.bind(app.logger);
app.logger.log = (message, level) => {
  if (level >= LogLevel.Warn && !internal(message)) problems.push(message);
  log(message, level);
};
app.validate(project);
const missing = undocumentedUnder(project);
const missingNames = new Set(missing.map((line) => line.split(' ')[0] ?? line));

// The ratchet: exports that were undocumented when the gate arrived are listed in
// docs/api-undocumented.txt and shrink as they get comments; anything new must be documented.
// `--shrink` drops listed names that now have comments; nothing ever adds to the list.
const baselinePath = new URL('./api-undocumented.txt', import.meta.url);
const baseline = readFileSync(baselinePath, 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'));
const fresh = missing.filter((line) => !baseline.includes(line.split(' ')[0] ?? line));
const nowDocumented = baseline.filter((name) => !missingNames.has(name));
if (process.argv.includes('--shrink')) {
  const header = readFileSync(baselinePath, 'utf8').split('\n').filter((line) => line.startsWith('#'));
  const kept = baseline.filter((name) => missingNames.has(name));
  writeFileSync(baselinePath, [...header, ...kept, ''].join('\n'));
  console.log(`api-docs-check: ${nowDocumented.length} names left the list, ${kept.length} remain`);
}
for (const problem of problems) console.error(`API reference problem: ${problem}`);
for (const line of fresh) console.error(`undocumented public export: ${line}`);
const stale = process.argv.includes('--shrink') ? [] : nowDocumented;
for (const name of stale) console.error(`documented now, remove from docs/api-undocumented.txt (--shrink): ${name}`);
if (fresh.length > 0 || problems.length > 0 || stale.length > 0) {
  console.error(
    `api-docs-check: ${fresh.length} undocumented, ${stale.length} stale list entries, ${problems.length} types ` +
      'referenced but not exported; every export of every entry point needs a TSDoc comment that says what it ' +
      'is and why a host uses it',
  );
  process.exit(1);
}
console.log(`api-docs-check: every public export is documented (${baseline.length} older ones still listed)`);
// `--html` also writes the reference (docs/api) from the project just checked: one TypeDoc conversion
// for both, where `typedoc` on its own would convert every package a second time (over a minute in CI).
if (process.argv.includes('--html')) {
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) process.exit(1);
  console.log('api-docs-check: the API reference is in docs/api');
}
