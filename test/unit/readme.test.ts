import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's promise to a fresh clone: a quick start of exactly two commands, one to install
// and scan, one to install and run the whole suite, which .ci/run runs.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the README quick start', () => {
  const readme = read('README.md');
  const quickStart = /^## Quick start\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const commands = [...quickStart.matchAll(/```sh\n([^`]*?)\n```/g)].map((m) => m[1]!.trim());

  it('gives exactly two commands: install and scan, install and test', () => {
    expect(commands).toEqual(['npm ci && node bin/leakguard.js /path/to/your/repository', 'npm ci && npm test']);
  });

  it('is the test command .ci/run runs', () => {
    const lines = read('.ci/run').trim().split('\n');
    expect(lines[lines.length - 1]).toBe(commands[1]);
  });

  it('keeps the rest of the guide: hook setup, suppression, and the speed figures', () => {
    for (const heading of ['## Hook setup', '## Suppressing a finding', '## Speed and memory']) expect(readme).toContain(heading);
    expect(readme.length).toBeGreaterThan(20_000);
  });
});
