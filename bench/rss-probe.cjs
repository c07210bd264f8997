// Preloaded by bench/history.mjs (node -r): prints this process's own peak RSS at exit, since
// GNU time's figure is the largest of leakguard and its git children.
process.on('exit', () => process.stderr.write(`\nLEAKGUARD_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
