import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LeakguardError } from '../errors.js';
import { FIX_HINT, crashText, hookFailureText, isImportant, noticeText, skipText, summaryText } from '../messages.js';
import { reporterFor } from '../reporters/index.js';
import { scan, type ScanResult } from '../scan.js';
import { ExitCode } from './exit-code.js';
import { helpText, parseCli, type ParsedArgs } from './options.js';
import { fixOptionsFrom, scanRequestFrom } from './scan-request.js';
import type { Io } from './types.js';


export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The CLI: parse, run, report. Returns the exit code; only the bin sets process.exitCode. */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  try {
    const args = parseCli(argv);
    if (args.values.help) {
      io.stdout(helpText(args.command, version()));
      return ExitCode.Clean;
    }
    if (args.values.version) {
      io.stdout(`${version()}\n`);
      return ExitCode.Clean;
    }
    switch (args.command) {
      case 'rules':
        return await (await import('./rules-command.js')).rulesCommand(args, io);
      case 'baseline':
        return await (await import('./baseline-command.js')).baselineCommand(args, io);
      case 'fix':
        return await (await import('./fix-command.js')).fixCommand(fixOptionsFrom(args), io);
      case 'install':
      case 'uninstall':
        return await (await import('./install-command.js')).installCommand(args, io);
      default:
        return await scanCommand(args, io);
    }
  } catch (error) {
    if (error instanceof LeakguardError) {
      io.stderr(`leakguard: ${inHook(argv, io) ? hookFailureText(error.message, argv.includes('--pre-push')) : error.message}\n`);
      return ExitCode.Fatal;
    }
    io.stderr(`${crashText(safeVersion(), error)}\n`);
    return ExitCode.Fatal;
  }
}

/** Running as a git hook: the commit or push is blocked, so say how to get past it deliberately. */
function inHook(argv: readonly string[], io: Io): boolean {
  return !!io.env.GIT_INDEX_FILE || argv.includes('--pre-push') || argv.includes('--pre-commit-framework') || !!io.env.PRE_COMMIT;
}

function safeVersion(): string {
  try {
    return version();
  } catch {
    return 'unknown';
  }
}

async function scanCommand(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const v = args.values;
  const request = await scanRequestFrom(args, io);
  if (request.mode === 'history' && io.stderrIsTTY && !v.quiet) request.onProgress = progressPrinter(io);
  const result = await scan(request);
  return report(result, args, io);
}

export async function report(result: ScanResult, args: ParsedArgs, io: Io): Promise<ExitCode> {
  const v = args.values;
  const reporter = await reporterFor(args.format);
  const text = reporter(result, {
    redact: !v['no-redact'],
    // asked only by a report with something to print: whether stdout is a terminal is node:tty's
    get color() {
      return args.format === 'text' && !v['no-color'] && !io.env.NO_COLOR && !v.output && io.isTTY;
    },
    verbose: !!v.verbose,
    showSuppressed: !!v['show-suppressed'],
    // read from package.json only by the reporter that prints it (SARIF), not by every hook run
    get version() {
      return version();
    },
  });
  if (v.output) await writeReport(resolve(io.cwd, v.output as string), text);
  else if (text) io.stdout(text);

  const failures = result.skipped.filter((s) => s.reason === 'unreadable');
  for (const s of result.skipped) {
    if (s.reason === 'too-large' || s.reason === 'unreadable' || s.reason === 'ignored' || v.verbose) io.stderr(`leakguard: ${skipText(s)}\n`);
  }
  for (const n of result.notices) if (v.verbose || isImportant(n)) io.stderr(`leakguard: ${noticeText(n)}\n`);
  if (v['show-suppressed'] && args.format === 'text') {
    for (const s of result.suppressed) io.stderr(`leakguard: suppressed ${s.finding.file}:${s.finding.line}:${s.finding.column} ${s.finding.ruleId} by ${s.reason}\n`);
  }
  if (!v.quiet && args.format === 'text') io.stderr(`${summaryText(result, !!v['show-suppressed'])}\n`);
  if (!v.quiet && args.format === 'text' && result.stats.mode === 'staged' && result.findings.length) {
    const { fixable } = await import('../fix/rewrite-line.js');
    if (result.findings.every(fixable)) io.stderr(`${FIX_HINT}\n`);
  }
  if (failures.length) {
    io.stderr(`leakguard: ${failures.length} file${failures.length === 1 ? '' : 's'} could not be read, so this scan is incomplete; fix the errors above and run it again.\n`);
    return ExitCode.Fatal;
  }
  return result.findings.length ? ExitCode.Findings : ExitCode.Clean;
}

async function writeReport(path: string, text: string): Promise<void> {
  const { writeAtomic } = await import('../util/write-atomic.js');
  try {
    await writeAtomic(path, text);
  } catch (error) {
    throw new LeakguardError(`Could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that its folder exists and is writable.`);
  }
}

function progressPrinter(io: Io): (p: { commitsDone: number; commitsTotal: number | undefined; startedAt: number }) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 250 && p.commitsDone !== p.commitsTotal) return;
    last = now;
    const secs = (now - p.startedAt) / 1000;
    const rate = secs > 0 ? p.commitsDone / secs : 0;
    const eta = p.commitsTotal && rate > 0 ? Math.max(0, (p.commitsTotal - p.commitsDone) / rate) : undefined;
    const total = p.commitsTotal ? `/${p.commitsTotal}` : '';
    io.stderr(`\r\u001b[2Kleakguard: ${p.commitsDone}${total} commits, ${rate.toFixed(0)}/s${eta !== undefined ? `, ETA ${Math.ceil(eta)} s` : ''}`);
    if (p.commitsDone === p.commitsTotal) io.stderr('\r\u001b[2K');
  };
}
