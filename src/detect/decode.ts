/**
 * Secrets are often stored encoded: base64 in Kubernetes Secrets, Docker configs and .npmrc
 * files, percent-encoding in URLs and query strings. This finds encoded runs in a text and
 * decodes them, with a map from each decoded character back to the encoded text, so a finding
 * in the decoded text is reported at the position of the encoded text. Pure: no I/O.
 */
export interface EncodedRun {
  encoding: 'base64' | 'percent';
  start: number;
  end: number;
  decoded: string;
  /** Encoded offset of each decoded character (percent); base64 maps to the whole run. */
  offsets: Int32Array | undefined;
}

const BASE64_RUN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{24,8192}={0,2}(?![A-Za-z0-9+/=_-])/g;
const PERCENT_RUN = /(?:[A-Za-z0-9._~!*'()+:;,/?@&=$-]|%[0-9A-Fa-f]{2}){12,4096}/g;
const PRINTABLE = /^[\t\n\r\x20-\x7e]+$/;
const MAX_RUNS = 64;
const MAX_DECODED = 256 * 1024;

export function encodedRuns(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  let budget = MAX_DECODED;
  if (text.includes('%')) {
    PERCENT_RUN.lastIndex = 0;
    for (let m = PERCENT_RUN.exec(text); m && runs.length < MAX_RUNS; m = PERCENT_RUN.exec(text)) {
      const run = m[0];
      if ((run.match(/%[0-9A-Fa-f]{2}/g) ?? []).length < 2) continue;
      const decoded = percentDecode(run, m.index);
      if (!decoded || (budget -= decoded.text.length) < 0) break;
      runs.push({ encoding: 'percent', start: m.index, end: m.index + run.length, decoded: decoded.text, offsets: decoded.offsets });
    }
  }
  BASE64_RUN.lastIndex = 0;
  for (let m = BASE64_RUN.exec(text); m && runs.length < MAX_RUNS; m = BASE64_RUN.exec(text)) {
    const run = m[0];
    // hex, plain words and identifiers are not base64 payloads worth decoding
    if (/^[0-9a-fA-F]+$/.test(run) || !/[A-Z]/.test(run) || !/[a-z]/.test(run)) continue;
    const body = run.replace(/=+$/, '');
    if (body.length % 4 === 1) continue;
    const decoded = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (decoded.length < 16 || !PRINTABLE.test(decoded)) continue;
    if ((budget -= decoded.length) < 0) break;
    runs.push({ encoding: 'base64', start: m.index, end: m.index + run.length, decoded, offsets: undefined });
  }
  return runs;
}

function percentDecode(run: string, base: number): { text: string; offsets: Int32Array } | undefined {
  const bytes: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < run.length; i++) {
    if (run[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(run.slice(i + 1, i + 3))) {
      bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
      at.push(base + i);
      i += 2;
    } else {
      bytes.push(run.charCodeAt(i));
      at.push(base + i);
    }
  }
  if (bytes.some((b) => b > 0x7e || (b < 0x20 && b !== 9 && b !== 10 && b !== 13))) return undefined;
  const offsets = new Int32Array(at.length + 1);
  offsets.set(at);
  offsets[at.length] = base + run.length;
  return { text: String.fromCharCode(...bytes), offsets };
}

/** Map a decoded span back to the encoded text. */
export function encodedSpan(run: EncodedRun, start: number, end: number): { start: number; end: number } {
  if (!run.offsets) return { start: run.start, end: run.end };
  return { start: run.offsets[start]!, end: run.offsets[end]! };
}
