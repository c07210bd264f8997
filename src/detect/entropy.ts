/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export type Charset = 'hex' | 'base64' | 'alnum' | 'printable';

/** The narrowest charset a value is drawn from; decides which entropy threshold applies. */
export function charsetOf(value: string): Charset {
  if (/^[0-9a-f]+$/i.test(value)) return 'hex';
  if (/^[A-Za-z0-9]+$/.test(value)) return 'alnum';
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return 'base64';
  return 'printable';
}

const ALPHABET_BITS: Record<Charset, number> = { hex: 4, alnum: Math.log2(62), base64: 6, printable: Math.log2(94) };

/**
 * Entropy as a fraction of what a uniformly random string of the same length and charset would
 * reach on average. A short string cannot reach log2(alphabet), so the ceiling is the smaller of
 * the alphabet's bits and log2(length), less the small-sample shortfall.
 */
export function relativeEntropy(value: string): number {
  const length = [...value].length;
  if (length < 2) return 0;
  const charset = charsetOf(value);
  const ceiling = Math.min(ALPHABET_BITS[charset], Math.log2(length));
  return shannonEntropy(value) / ceiling;
}
