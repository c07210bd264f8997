import { lstatSync, readlinkSync, statSync } from 'node:fs';

/**
 * What is at a path leakguard is about to read as a small file (a config, a baseline, an ignore
 * file). Reading a FIFO would block forever and reading a folder fails obscurely, so only regular
 * files (or links to them) are read; a link to nothing is reported, not taken for "no file".
 */
export type FileProbe =
  | { kind: 'missing' }
  | { kind: 'file' }
  | { kind: 'dangling-link'; target: string }
  | { kind: 'not-a-file'; type: string };

export function probeFile(path: string): FileProbe {
  let link;
  try {
    // no exception for the usual case, a file that is not there (the hook probes several)
    link = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return { kind: 'missing' };
  }
  if (!link) return { kind: 'missing' };
  let info = link;
  if (link.isSymbolicLink()) {
    try {
      info = statSync(path);
    } catch {
      return { kind: 'dangling-link', target: readlinkSync(path) };
    }
  }
  if (info.isFile()) return { kind: 'file' };
  const type = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device';
  return { kind: 'not-a-file', type };
}

/** The reason a probed path cannot be read as a file, for an error sentence; undefined when it can. */
export function notReadableReason(path: string, probe: FileProbe): string | undefined {
  if (probe.kind === 'dangling-link') return `${path} is a symbolic link to ${probe.target}, which does not exist`;
  if (probe.kind === 'not-a-file') return `${path} is not a regular file (it is ${probe.type})`;
  return undefined;
}
