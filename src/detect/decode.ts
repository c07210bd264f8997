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

/** 1 for the characters of base64 and base64url (A-Z a-z 0-9 + / _ -), by char code. */
const BASE64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') BASE64_CHAR[c.charCodeAt(0)] = 1;
const MIN_BASE64_RUN = 24;
const MAX_RUN = 8192;

/** Start/end pairs of the runs of base64 characters, MIN_BASE64_RUN long or longer. */
function base64Spans(text: string): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c < 128 && BASE64_CHAR[c] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= MIN_BASE64_RUN) spans.push(start, i);
      start = -1;
    }
  }
  return spans;
}

const PERCENT_RUN = /(?:[A-Za-z0-9._~!*'()+:;,/?@&=$-]|%[0-9A-Fa-f]{2}){12,4096}/g;
const PRINTABLE = /^[\t\n\r\x20-\x7e]+$/;
const MAX_RUNS = 64;
const MAX_DECODED = 256 * 1024;

export function encodedRuns(text: string): EncodedRun[] {
  const spans = text.length >= MIN_BASE64_RUN ? base64Spans(text) : [];
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
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    let end = spans[k + 1]!;
    // base64 padding, and a run glued to more '=' is not one value
    while (end < text.length && end - spans[k + 1]! < 2 && text.charCodeAt(end) === 61) end++;
    if (text.charCodeAt(end) === 61 || end - start > MAX_RUN) continue;
    if (runs.length >= MAX_RUNS) break;
    const run = text.slice(start, end);
    // hex, plain words and identifiers are not base64 payloads worth decoding
    if (/^[0-9a-fA-F]+$/.test(run) || !/[A-Z]/.test(run) || !/[a-z]/.test(run)) continue;
    const body = run.replace(/=+$/, '');
    if (body.length % 4 === 1) continue;
    const decoded = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (decoded.length < 16 || !PRINTABLE.test(decoded)) continue;
    if ((budget -= decoded.length) < 0) break;
    runs.push({ encoding: 'base64', start, end, decoded, offsets: undefined });
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
