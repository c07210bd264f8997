import { describe, expect, it } from 'vitest';
import { countGroups, findNestedQuantifier, findUnboundedQuantifier } from '../../src/patterns/regex-safety.js';

describe('regex safety checks', () => {
  it.each(['(a+)+b', '(x+x+)+y', '([a-z]+)*', '(?:\\w+\\s?)+$'])('rejects nested unbounded repetition: %s', (source) => {
    expect(findNestedQuantifier(source)).toMatch(/repeats without bound/);
  });
  it.each(['(a{1,5})+', '\\(a+\\)+', '(ab|cd){1,9}', '[(]+a+', 'ghp_[A-Za-z0-9]{36}'])('accepts %s', (source) => {
    expect(findNestedQuantifier(source)).toBeUndefined();
  });
  it('finds unbounded quantifiers outside classes and escapes', () => {
    expect(findUnboundedQuantifier('a{2,}')).toBe('a{2,}');
    expect(findUnboundedQuantifier('x\\+[*+]{1,3}')).toBeUndefined();
  });
  it.each([
    ['(a)(?:b)(?<name>c)(?=d)(?<=e)(?<!f)[(]\\(', 2],
    ['no groups', 0],
  ] as const)('counts capture groups in %s', (source, n) => {
    expect(countGroups(source)).toBe(n);
    expect(new RegExp(`${source}|`).exec('')!.length - 1).toBe(n);
  });
});
