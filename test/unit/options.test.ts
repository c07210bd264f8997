import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIONS, parseCli } from '../../src/cli/options.js';

const config = Object.fromEntries(OPTIONS.map((o) => [o.name, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
const booleans = OPTIONS.filter((o) => o.type === 'boolean' && o.commands.includes('scan')).map((o) => `--${o.name}`);

describe('parseCli', () => {
  it('reads long boolean flags (a hook: --staged --quiet) as node parseArgs does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...booleans), { maxLength: 6 }), (args) => {
        const ours = parseCli(args);
        const node = parseArgs({ args, options: config, allowPositionals: true, strict: true });
        expect(ours.command).toBe('scan');
        expect(ours.positionals).toEqual(node.positionals);
        expect({ ...ours.values }).toEqual({ ...node.values });
      }),
    );
  });

  it('leaves everything else to parseArgs: values, short flags, positionals, mistakes', () => {
    const r = parseCli(['--format', 'json', '-q', '--staged', 'a file.txt']);
    expect(r.format).toBe('json');
    expect(r.values.quiet).toBe(true);
    expect(r.positionals).toEqual(['a file.txt']);
    expect(() => parseCli(['--staged=yes'])).toThrow(/leakguard --help/);
    expect(() => parseCli(['--stagd'])).toThrow(/Unknown option '--stagd'/);
    expect(() => parseCli(['--force'])).toThrow(/does not apply to `leakguard scan`/);
  });
});
