// The import graph between contexts (libs/* and the two apps), from dependency-cruiser's
// module graph, and the lines per context. Usage: node tools/context-graph.mjs [checkout]
// (default: this one; another checkout, such as an older commit's worktree, needs no
// node_modules of its own). Specs are left out: the graph is what the code needs to run.
// Type-only imports count (--ts-pre-compilation-deps).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? '.');
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['libs', 'apps/api/src', 'apps/worker/src'].filter((dir) => existsSync(resolve(root, dir)));
const cruised = JSON.parse(
  execFileSync(
    process.execPath,
    [
      resolve(here, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
      ...sources,
      '--no-config',
      '--ts-config',
      'tsconfig.json',
      '--ts-pre-compilation-deps',
      '--exclude',
      '\\.(spec|int-spec|e2e-spec)\\.ts$|\\.d\\.ts$|node_modules',
      '--output-type',
      'json',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  ),
);
const graph = Object.fromEntries(
  cruised.modules.map((module) => [module.source, module.dependencies.map((dependency) => dependency.resolved)]),
);

const contextOf = (file) => {
  const [top, name] = file.split('/');
  return top === 'libs' ? name : top === 'apps' ? `apps/${name}` : null;
};
const edges = new Map();
for (const [from, imports] of Object.entries(graph)) {
  const a = contextOf(from);
  for (const to of imports) {
    const b = contextOf(to);
    if (a && b && a !== b) edges.set(`${a} → ${b}`, (edges.get(`${a} → ${b}`) ?? 0) + 1);
  }
}

const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
const lines = (files) =>
  files.reduce((sum, file) => sum + (readFileSync(resolve(root, file), 'utf8').match(/\n/g)?.length ?? 0), 0);
const isSpec = (file) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);
const contexts = [
  ...readdirSync(resolve(root, 'libs')).map((name) => [name, `libs/${name}`]),
  ['apps/api', 'apps/api'],
  ['apps/worker', 'apps/worker'],
];

console.log(
  `Import graph between contexts at ${git('rev-parse', '--short', 'HEAD').trim()} (file imports per edge):\n`,
);
for (const [edge, count] of [...edges].sort()) console.log(`- ${edge} (${count})`);
// Two contexts that import each other, directly or through others.
const next = new Map();
for (const edge of edges.keys()) {
  const [a, b] = edge.split(' → ');
  next.set(a, [...(next.get(a) ?? []), b]);
}
const reaches = (from, to, seen = new Set()) =>
  (next.get(from) ?? []).some((b) => b === to || (!seen.has(b) && seen.add(b) && reaches(b, to, seen)));
const cycles = [...next.keys()].flatMap((a) =>
  [...next.keys()].filter((b) => a < b && reaches(a, b) && reaches(b, a)).map((b) => `${a} ⇄ ${b}`),
);
console.log(`\nContexts that reach each other (a cycle): ${cycles.length ? cycles.join(', ') : 'none'}.`);
console.log('\n| context | files | lines | of them in specs | in migrations |\n| --- | ---: | ---: | ---: | ---: |');
for (const [name, dir] of contexts) {
  const files = git('ls-files', dir).split('\n').filter(Boolean);
  if (!files.length) continue;
  const specs = files.filter(isSpec);
  const migrations = files.filter((file) => file.includes('/migrations/'));
  console.log(`| ${name} | ${files.length} | ${lines(files)} | ${lines(specs)} | ${lines(migrations)} |`);
}
