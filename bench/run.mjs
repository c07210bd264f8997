#!/usr/bin/env node
// `npm run bench`: every benchmark this checkout can run here, each against its own floor.
//   npm run bench [-- <repo for the history bench>]
// The hook bench always runs; the history bench runs on the repository given (or
// $LEAKGUARD_BENCH_REPO); the detection score runs when the CredData dev split is built
// (/tmp/creddata-dev, see ../shared/creddata/README.md). Run it on a quiet machine, after a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const repo = process.argv[2] ?? process.env.LEAKGUARD_BENCH_REPO;
const run = (title, script, args) => {
  console.log(`\n== ${title}`);
  const r = spawnSync(process.execPath, [here(script), ...args], { stdio: 'inherit' });
  return r.status ?? 2;
};
let status = run('hook latency (bench/hook.mjs)', './hook.mjs', ['--runs', '21']);
if (repo && existsSync(repo)) status ||= run(`history scan of ${repo} (bench/history.mjs)`, './history.mjs', [repo]);
else console.log('\n== history scan: skipped; pass a repository with a long history: npm run bench -- /path/to/repo');
if (existsSync('/tmp/creddata-dev/labels.json')) status ||= run('detection on the CredData dev split (bench/creddata.mjs)', './creddata.mjs', []);
else console.log('\n== CredData dev split: skipped; build it as ../shared/creddata/README.md says, then run npm run bench again.');
process.exit(status);
