import { spawn, type ChildProcess } from "node:child_process";

export interface Command {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the commands side by side, as one: when one ends, the others are stopped and this process
 * exits with its status; Ctrl+C (or SIGTERM) reaches every one of them.
 */
export function runTogether(commands: Command[]): void {
  const children: ChildProcess[] = commands.map(({ command, args, env }) =>
    spawn(command, args, { stdio: "inherit", env: env ?? process.env }),
  );
  for (const child of children) {
    child.on("exit", (code) => {
      for (const other of children) if (other !== child) other.kill("SIGTERM");
      process.exitCode = code ?? 1;
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      for (const child of children) child.kill(signal);
    });
  }
}

/** The NHS login simulator from this repository's sources, on this Node.js. */
export const SIMULATOR: Command = {
  command: process.execPath,
  args: ["--import", "tsx", "simulator/main.ts"],
};
