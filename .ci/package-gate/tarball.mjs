/**
 * What the gate checks in a tarball before anyone installs it: the files a user of the
 * package needs are in it (and nothing of the workspace is), its manifest is complete and
 * says the truth, and its README's links work on the npm website.
 */
import { execFileSync } from 'node:child_process';

/** The package's engines range: CommonJS builds require() ESM-only dependencies (docs/packaging.md). */
export const ENGINES = '^20.19.0 || >=22.12.0';
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'];

export function readTarball(file) {
  const files = execFileSync('tar', ['tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  const read = (path) => execFileSync('tar', ['xzf', file, '-O', `package/${path}`], { encoding: 'utf8' });
  return { file, files, manifest: JSON.parse(read('package.json')), readme: files.includes('README.md') ? read('README.md') : '' };
}

/** The import specifiers of a package's entry points, from its exports map. */
export const entryPoints = ({ manifest }) =>
  Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}${key.slice(1)}`));

/**
 * The exports keys, split by what they support: `dual` ones have an ESM and a CommonJS
 * build, `esmOnly` ones an ESM build only (on purpose: see docs/packaging.md).
 */
export function exportKinds({ manifest }) {
  const keys = Object.keys(manifest.exports).filter((key) => key !== './package.json');
  const isEsmOnly = (key) => {
    const value = manifest.exports[key];
    return typeof value === 'object' && value.require === undefined && String(value.default).endsWith('.mjs');
  };
  return { dual: keys.filter((k) => !isEsmOnly(k)), esmOnly: keys.filter(isEsmOnly) };
}

/** Every target path of an exports map (conditions flattened). */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(targets);
}

/** Markdown link and image targets that are neither absolute URLs nor in-page anchors. */
function relativeLinks(markdown) {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]).filter((target) => !/^(https?:\/\/|#|mailto:)/.test(target));
}

export function checkTarball({ files, manifest, readme }) {
  const name = manifest.name;
  const problems = [];
  const need = (ok, problem) => {
    if (!ok) problems.push(`${name}: ${problem}`);
  };
  for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) need(files.includes(file), `${file} is not in the tarball`);
  need(!files.some((f) => f.startsWith('src/') || /\.test\.|\.tsbuildinfo$/.test(f)), 'sources or tests are in the tarball');
  for (const target of [manifest.main, manifest.module, manifest.types, ...targets(manifest.exports), ...Object.values(manifest.bin ?? {})].filter(Boolean)) {
    need(files.includes(target.replace(/^\.\//, '')), `${target} is named by the manifest but not in the tarball`);
  }
  need(!JSON.stringify(manifest.exports).includes('@redress/source'), 'the exports map still has the workspace-only @redress/source condition');
  for (const field of DEPENDENCY_FIELDS) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) need(!String(range).startsWith('workspace:'), `${field}.${dep} is ${range}`);
  }
  if (name !== '@redress/core') {
    need(manifest.peerDependencies?.['@redress/core'] !== undefined, '@redress/core must be a peer dependency (one copy per host)');
    need(manifest.dependencies?.['@redress/core'] === undefined, '@redress/core must not be a dependency');
  }
  need(manifest.engines?.node === ENGINES, `engines.node is ${manifest.engines?.node}, expected ${ENGINES}`);
  need(manifest.publishConfig?.access === 'public', 'publishConfig.access is not public');
  for (const field of ['description', 'license', 'repository', 'homepage', 'bugs', 'keywords']) need(manifest[field] !== undefined, `no ${field}`);
  const relative = relativeLinks(readme);
  need(relative.length === 0, `README links that break on npm (make them absolute): ${relative.join(', ')}`);
  return problems;
}
