#!/usr/bin/env node
// The bin only maps the CLI's result to an exit code; a crash is exit 2, never 0 or 1.
import { readFileSync } from 'node:fs';

const readStdin = async () => {
  if (process.stdin.isTTY) return '';
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};

// A reader that stops early (`| head`) is not a failure, and the exit code still tells the result;
// any other failure to write the report (a full disk behind `>`) is exit 2, never a stack trace.
let stdoutError;
process.stdout.on('error', (error) => {
  stdoutError ??= error;
});
const flushed = () => new Promise((resolve) => (stdoutError ? resolve() : process.stdout.write('', () => resolve())));

try {
  // the bundled CLI (scripts/bundle.mjs) when the build made one, else tsc's modules
  const { run } = await import('../dist/bundle/run.js').catch((error) => {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('bundle/run.js')) return import('../dist/cli/run.js');
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (t) => stdoutError === undefined && process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: readStdin,
    env: process.env,
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
  });
  await flushed();
  if (stdoutError && stdoutError.code !== 'EPIPE') {
    process.stderr.write(`leakguard: could not write the report to standard output (${stdoutError.code ?? stdoutError.message}); free space where the output goes, or write it with --output FILE.\n`);
    process.exitCode = 2;
  }
} catch (error) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stderr.write(`leakguard ${version} could not start (${error?.message ?? error}); reinstall it (npm install leakguard) and try again.\n`);
  process.exitCode = 2;
}
