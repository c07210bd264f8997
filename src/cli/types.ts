/** What the CLI may touch of the process: its streams, environment and working directory. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  stderrIsTTY: boolean;
}
