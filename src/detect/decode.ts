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

/** For base64 and base64url characters (A-Z a-z 0-9 + / _ -), by char code: the 6-bit value + 1; 0 for others. */
const BASE64_VALUE = new Uint8Array(128);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, v) => (BASE64_VALUE[c.charCodeAt(0)] = v + 1));
BASE64_VALUE[45] = 63; // '-' is base64url's '+'
BASE64_VALUE[95] = 64; // '_' is base64url's '/'
const MIN_BASE64_RUN = 24;
const MAX_RUN = 8192;

const isBase64 = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 && BASE64_VALUE[c] !== 0;
};

/**
 * Start/end pairs of the maximal runs of base64 characters, MIN_BASE64_RUN long or longer. Any
 * such run covers a multiple of MIN_BASE64_RUN, so only those positions are tested, and a run is
 * widened from there: most characters of a text are never looked at.
 */
function base64Spans(text: string): number[] {
  const spans: number[] = [];
  const n = text.length;
  for (let probe = MIN_BASE64_RUN - 1; probe < n; probe += MIN_BASE64_RUN) {
    if (!isBase64(text, probe)) continue;
    let start = probe;
    while (start > 0 && isBase64(text, start - 1)) start--;
    let end = probe + 1;
    while (end < n && isBase64(text, end)) end++;
    if (end - start >= MIN_BASE64_RUN) spans.push(start, end);
    // the next run starts after this one's end
    probe = end - (end % MIN_BASE64_RUN) + MIN_BASE64_RUN - 1 - MIN_BASE64_RUN;
  }
  return spans;
}

/**
 * Whether base64 text can decode to printable ASCII: every byte below 0x80 puts a 0 in a fixed
 * bit of each group of four characters (the top bit of byte 1 is bit 5 of the 1st character,
 * of byte 2 bit 3 of the 2nd, of byte 3 bit 1 of the 3rd). A cheap test before any decoding.
 */
function mayDecodeToAscii(body: string): boolean {
  for (let i = 0; i < body.length; i += 4) {
    if ((BASE64_VALUE[body.charCodeAt(i)]! - 1) & 32) return false;
    if (i + 2 < body.length && (BASE64_VALUE[body.charCodeAt(i + 1)]! - 1) & 8) return false;
    if (i + 3 < body.length && (BASE64_VALUE[body.charCodeAt(i + 2)]! - 1) & 2) return false;
  }
  return true;
}

const PERCENT_RUN = /(?:[A-Za-z0-9._~!*'()+:;,/?@&=$-]|%[0-9A-Fa-f]{2}){12,4096}/g;
const PRINTABLE = /^[\t\n\r\x20-\x7e]+$/;
const MAX_RUNS = 64;
const MAX_DECODED = 256 * 1024;

export function encodedRuns(text: string): EncodedRun[] {
  const spans = text.length >= MIN_BASE64_RUN ? base64Spans(text) : [];
  const runs: EncodedRun[] = [];
  let budget = MAX_DECODED;
  // a percent-encoded run worth decoding holds two escapes or more: so must the text
  if (hasTwoEscapes(text)) {
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
    const body = text.slice(start, spans[k + 1]!);
    if (body.length % 4 === 1 || !mayDecodeToAscii(body)) continue;
    // hex, plain words and identifiers are not base64 payloads worth decoding
    if ((end === spans[k + 1] && /^[0-9a-fA-F]+$/.test(body)) || !/[A-Z]/.test(body) || !/[a-z]/.test(body)) continue;
    const decoded = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (decoded.length < 16 || !PRINTABLE.test(decoded)) continue;
    if ((budget -= decoded.length) < 0) break;
    runs.push({ encoding: 'base64', start, end, decoded, offsets: undefined });
  }
  return runs;
}

const ESCAPE = /%[0-9A-Fa-f]{2}/g;
function hasTwoEscapes(text: string): boolean {
  const first = text.indexOf('%');
  if (first === -1) return false;
  ESCAPE.lastIndex = first;
  return ESCAPE.test(text) && ESCAPE.test(text);
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
