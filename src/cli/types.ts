/** What the CLI may touch of the process: its streams, environment and working directory. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  stderrIsTTY: boolean;
  /** Told once when a scan has read a megabyte of text: the bin tunes V8 for a short run until then. */
  onLargeScan?: () => void;
}
