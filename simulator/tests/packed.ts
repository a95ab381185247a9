/**
 * The simulator as another team gets it: packed into a tarball, installed into an empty folder
 * from the registry, and started there with its own command, far from this repository.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPOSITORY = resolve(import.meta.dirname, "../..");

/** The environment without npm's own variables, so the install cannot reach this repository. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.toLowerCase().startsWith("npm_") && name !== "NODE_ENV",
    ),
  ) as NodeJS.ProcessEnv;
}

export interface Installed {
  folder: string;
  bin: string;
  remove(): void;
}

/** `npm pack` of the simulator workspace, then `npm install <tarball>` in an empty folder. */
export async function packAndInstall(): Promise<Installed> {
  const folder = mkdtempSync(join(tmpdir(), "nhs-login-simulator-"));
  const env = cleanEnvironment();
  const { stdout } = await run(
    "npm",
    ["pack", "--workspace", "simulator", "--pack-destination", folder, "--silent"],
    { cwd: REPOSITORY, env },
  );
  const tarball = join(folder, stdout.trim().split("\n").pop() ?? "");
  const app = join(folder, "app");
  await run("mkdir", [app]);
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-package-lock", "--prefer-offline", tarball],
    { cwd: app, env },
  );
  return {
    folder: app,
    bin: join(app, "node_modules", ".bin", "nhs-login-simulator"),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

export interface Started {
  issuer: string;
  /** From starting the command to the first answer from the discovery endpoint. */
  startUpMs: number;
  output(): string;
  stop(): Promise<void>;
}

async function discoveryAnswers(issuer: string): Promise<boolean> {
  try {
    return (await fetch(`${issuer}/.well-known/openid-configuration`)).ok;
  } catch {
    return false;
  }
}

/** Starts the installed command with `args` and waits until discovery answers. */
export async function startInstalled(installed: Installed, args: string[]): Promise<Started> {
  const started = performance.now();
  const child: ChildProcess = spawn(installed.bin, ["--port", "0", ...args], {
    cwd: installed.folder,
    env: cleanEnvironment(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = started + 30_000;
  while (performance.now() < deadline && child.exitCode === null) {
    const issuer = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (issuer && (await discoveryAnswers(issuer))) {
      return { issuer, startUpMs: performance.now() - started, output: () => output, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await stop();
  throw new Error(`the packed simulator did not start:\n${output}`);
}
