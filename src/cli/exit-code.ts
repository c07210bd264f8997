/** 0: nothing found. 1: findings. 2: leakguard could not do its job (usage, config, git, input). */
export const ExitCode = { Clean: 0, Findings: 1, Fatal: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
