import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BINDING_NODE_MAJORS, bindingsTested } from '../../src/util/builtin.js';

// The node majors whose bindings leakguard calls are listed three times: in src/util/builtin.ts
// (nodeBinding), in bin/leakguard.js (the prefetch of the staged diff, which runs before the
// bundle is loaded) and in test/node-versions.mjs (which runs the binding tests on each of them).
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the node versions whose bindings are called', () => {
  it('are the same three lists', () => {
    const bin = /const BINDING_NODE_MAJORS = \[([\d, ]+)\];/.exec(read('bin/leakguard.js'))?.[1];
    const tested = /const RELEASES = \{ ([^}]+) \};/.exec(read('test/node-versions.mjs'))?.[1];
    expect(bin?.split(',').map((m) => Number(m.trim()))).toEqual([...BINDING_NODE_MAJORS]);
    expect([...(tested ?? '').matchAll(/(\d+): '(\d+)\.\d+\.\d+'/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual(BINDING_NODE_MAJORS.map((m) => [m, m]));
  });

  it('include the node running these tests, where it is one of them', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(bindingsTested()).toBe(BINDING_NODE_MAJORS.includes(major) && process.platform !== 'win32');
  });
});
