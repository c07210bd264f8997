import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnv, SAFE_CONFIG } from './git.js';
import { childProcess } from './spawn-sync.js';

/**
 * Blobs by `<rev>:<path>` from one long-lived `git cat-file` process, for the few files a history
 * scan has to read itself. `size()` asks `--batch-check` (no content read, so a large binary
 * costs nothing); `read()` asks `--batch`. Paths with a newline cannot go through the line-based
 * protocol, so they get a git process of their own.
 */
export class BlobReader {
  private check: Batch | undefined;
  private content: Batch | undefined;
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  async size(spec: string): Promise<number | undefined> {
    if (spec.includes('\n')) {
      const out = await oneOff(this.root, ['cat-file', '-s', spec]);
      return out === undefined ? undefined : Number(out.toString('utf8').trim());
    }
    this.check ??= new Batch(this.root, '--batch-check=%(objecttype) %(objectsize)', false);
    const header = (await this.check.ask(spec)).header.split(' ');
    return header[0] === 'blob' ? Number(header[1]) : undefined;
  }

  async read(spec: string): Promise<Buffer | undefined> {
    if (spec.includes('\n')) return oneOff(this.root, ['cat-file', 'blob', spec]);
    this.content ??= new Batch(this.root, '--batch=%(objecttype) %(objectsize)', true);
    const answer = await this.content.ask(spec);
    return answer.header.startsWith('blob ') ? answer.body : undefined;
  }

  close(): void {
    this.check?.close();
    this.content?.close();
  }
}

interface Answer {
  header: string;
  body: Buffer | undefined;
}

/** One cat-file batch process: requests are answered in order. */
class Batch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(a: Answer) => void> = [];
  private buffer = Buffer.alloc(0);
  private readonly withBody: boolean;

  constructor(root: string, mode: string, withBody: boolean) {
    this.withBody = withBody;
    this.child = childProcess().spawn('git', [...SAFE_CONFIG, 'cat-file', mode], { cwd: root, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (b: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, b]);
      this.parse();
    });
    const fail = () => {
      for (const resolve of this.waiting.splice(0)) resolve({ header: 'missing', body: undefined });
    };
    this.child.on('error', fail);
    this.child.on('close', fail);
    this.child.stdin.on('error', () => undefined);
    this.child.stderr.resume();
  }

  ask(spec: string): Promise<Answer> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.killed) return resolve({ header: 'missing', body: undefined });
      this.waiting.push(resolve);
      this.child.stdin.write(`${spec}\n`);
    });
  }

  private parse(): void {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl === -1 || !this.waiting.length) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      const parts = header.split(' ');
      const size = Number(parts[1]);
      const hasBody = this.withBody && parts.length === 2 && Number.isInteger(size) && !header.endsWith(' missing') && !header.endsWith(' ambiguous');
      if (!hasBody) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.waiting.shift()!({ header, body: undefined });
        continue;
      }
      if (this.buffer.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.waiting.shift()!({ header, body });
    }
  }

  close(): void {
    this.child.stdin.end();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** One `git cat-file` call's stdout, or undefined when it fails. */
function oneOff(root: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = childProcess().spawn('git', [...SAFE_CONFIG, ...args], { cwd: root, env: gitEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(out) : undefined));
  });
}
