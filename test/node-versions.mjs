#!/usr/bin/env node
// The tests of node's own bindings (src/util/builtin.ts: BINDING_NODE_MAJORS) on every node major
// they are written for, not only the one running `npm test`: the bindings' call shapes change
// between majors (node 24's process_wrap takes spawn's options as arguments), and a wrong call
// is a C++ assertion that aborts node, not an exception. Each other major's node comes from the
// npm registry (the official binaries, packaged as node-<platform>-<arch>), is cached in
// node_modules/.cache/leakguard-node/, and runs the binding tests (FILES) with vitest; in CI (CI
// set) it runs the whole suite, so that every release leakguard calls a binding on is tested
// whole there.
//
//   node test/node-versions.mjs        (part of `npm test`)
//
// Off CI, a node that cannot be fetched (no network) is skipped with a notice; in CI it fails
// the run, so that a binding never goes untested there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// the majors and the exact releases tested: test/unit/node-bindings.test.ts, which `vitest run`
// runs before this script in `npm test`, holds the majors equal to BINDING_NODE_MAJORS
const RELEASES = { 20: '20.20.2', 22: '22.23.5', 24: '24.22.3' };
const FILES = ['test/unit/node-bindings.test.ts', 'test/unit/spawn-sync.test.ts', 'test/unit/std-writer.test.ts', 'test/e2e/prefetch.test.ts', 'test/e2e/lean-hook.test.ts', 'test/integration/fault-injection.test.ts'];

if (process.platform === 'win32') {
  console.log('node-versions: the bindings are not used on Windows; nothing to test.');
  process.exit(0);
}
const running = Number(process.versions.node.split('.')[0]);
const ci = Boolean(process.env.CI);
let failed = false;

for (const [major, version] of Object.entries(RELEASES)) {
  if (Number(major) === running) continue; // `vitest run` in `npm test` ran these on this node
  const node = fetchNode(version);
  if (!node) {
    failed ||= ci;
    continue;
  }
  console.log(`node-versions: ${ci ? 'the whole suite' : 'the binding tests'} on node ${version}`);
  const r = spawnSync(node, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...(ci ? [] : FILES)], { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` } });
  if (r.status !== 0) {
    process.stderr.write(`node-versions: tests failed on node ${version}; see above, and run them with that node to fix them.\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

/** The node binary of a release, from the cache or fetched from the npm registry; undefined when it cannot be had. */
function fetchNode(version) {
  const name = `node-${process.platform}-${process.arch}`;
  const dir = join(root, 'node_modules/.cache/leakguard-node', `${name}-${version}`);
  const bin = join(dir, 'bin/node');
  if (existsSync(bin)) return bin;
  const work = mkdtempSync(join(tmpdir(), 'leakguard-node-'));
  try {
    const pack = spawnSync('npm', ['pack', '--silent', `${name}@${version}`], { cwd: work, encoding: 'utf8' });
    const tarball = pack.status === 0 ? pack.stdout.trim().split('\n').pop() : undefined;
    if (!tarball || spawnSync('tar', ['xzf', tarball], { cwd: work }).status !== 0) {
      process.stderr.write(`node-versions: could not fetch node ${version} from the npm registry (${(pack.stderr || '').trim().split('\n').pop() || `npm pack exited ${pack.status}`}); ${ci ? 'CI needs it to test the bindings' : 'skipped; run again with network access to test it'}.\n`);
      return undefined;
    }
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(join(work, 'package'), dir);
    return bin;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
