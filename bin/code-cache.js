// Writing V8's code cache of the bundle (bin/leakguard.js, loadCli): required only on a run that
// has no cache to use, so that the runs that have one do not compile it.
const { closeSync, openSync, renameSync, rmSync, writeSync } = require('node:fs');

/** Write the cache beside the bundle, atomically (a temp file renamed); a folder that cannot be written only goes without. */
exports.writeCache = (script, cacheFile) => {
  const temp = `${cacheFile}.${process.pid}`;
  let fd;
  try {
    fd = openSync(temp, 'w');
  } catch {
    return; // a read-only install: start without the cache (and without making one)
  }
  try {
    writeSync(fd, script.createCachedData());
    closeSync(fd);
    renameSync(temp, cacheFile);
  } catch {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(temp, { force: true });
  }
};
