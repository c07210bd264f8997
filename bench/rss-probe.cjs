// Preloaded by bench/history.mjs (node -r): prints this process's own peak RSS at exit, since
// GNU time's figure is the largest of leakguard and its git children.
// Also its own CPU (all its threads, not its git children), so that git's share can be told apart.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nLEAKGUARD_MAXRSS_KB ${u.maxRSS}\nLEAKGUARD_CPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
});
