/**
 * Starts the simulator and the portal's production server for the benchmarks, finds the process
 * that actually serves the portal (for its memory), and stops everything on exit, even on failure.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readdir, readFile, readlink } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { standaloneServer } from "../scripts/standalone-server";

export interface Server {
  name: string;
  url: string;
  /** The process listening on the port (a server may serve from a child process). */
  serverPid: number;
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or an out-of-memory kill would. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Kills each started process group; `exit` handlers must be synchronous, and this is. */
function killAll(signal: NodeJS.Signals): void {
  for (const child of running) signalGroup(child, signal);
}

process.on("exit", () => killAll("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll("SIGTERM");
    process.exit(130);
  });
}

export function build(): void {
  console.log("Building the portal (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status})`);
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "localhost" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url}: not serving after ${timeoutMs} ms`);
}

/** The inodes of sockets listening on the port, from /proc/net/tcp and tcp6. */
async function listeningInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const [, local, , state, , , , , , inode] = fields;
      if (local?.endsWith(`:${hexPort}`) && state === "0A" && inode) inodes.add(inode);
    }
  }
  return inodes;
}

async function descendants(rootPid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The command name may hold spaces and brackets; the fields after its last ")" do not.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    parents.set(Number(entry), ppid);
  }
  const found = [rootPid];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === found[i]) found.push(pid);
  }
  return found;
}

/** The process, among those started, that holds the listening socket. */
async function listeningPid(rootPid: number, port: number): Promise<number> {
  const inodes = await listeningInodes(port);
  for (const pid of await descendants(rootPid)) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  throw new Error(`no process started by ${rootPid} listens on port ${port}`);
}

async function start(options: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  logFile: string;
}): Promise<Server> {
  const url = `http://localhost:${options.port}`;
  if (await portInUse(options.port)) {
    throw new Error(`port ${options.port} is in use: stop whatever serves it and run again`);
  }
  // Its own process group, so that stopping it stops whatever it started too.
  const child = spawn(options.command, options.args, {
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const log = createWriteStream(options.logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  try {
    await waitUntilServing(`${url}${options.readyPath}`, child);
  } catch (error) {
    signalGroup(child, "SIGKILL");
    throw new Error(`${options.name} did not start (see ${options.logFile}): ${String(error)}`);
  }
  const serverPid = await listeningPid(child.pid!, options.port);

  return {
    name: options.name,
    url,
    serverPid,
    async kill() {
      signalGroup(child, "SIGKILL");
      await exited;
      running.delete(child);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, "SIGTERM");
        const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
    },
  };
}

const bin = (name: string) => join("node_modules", ".bin", name);

export function startSimulator(options: {
  port: number;
  /** Where the portals it serves have their callbacks. */
  redirectUris: string[];
  logFile: string;
}): Promise<Server> {
  // The simulator refuses to start in production mode.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "NODE_ENV"),
  ) as NodeJS.ProcessEnv;
  return start({
    name: "simulator",
    command: bin("tsx"),
    args: ["simulator/main.ts"],
    env: {
      ...env,
      SIMULATOR_PORT: String(options.port),
      SIMULATOR_REDIRECT_URIS: options.redirectUris.join(","),
    },
    port: options.port,
    readyPath: "/.well-known/openid-configuration",
    logFile: options.logFile,
  });
}

export function startPortal(options: {
  port: number;
  issuer: string;
  authSecret: string;
  logFile: string;
  /** Sessions in this Redis; in the server's memory without it. */
  redisUrl?: string;
  /** The address people use, when it is not the instance's own (behind a load balancer). */
  publicUrl?: string;
  /** More of the portal's settings (another session store, for one). */
  env?: Record<string, string>;
}): Promise<Server> {
  const url = `http://localhost:${options.port}`;
  // The standalone server, as deployed (npm start runs the same).
  return start({
    name: "portal",
    ...standaloneServer({
      port: options.port,
      env: {
        ...process.env,
        NHS_LOGIN_ENV: "local",
        NHS_LOGIN_ISSUER: options.issuer,
        AUTH_SECRET: options.authSecret,
        AUTH_URL: options.publicUrl ?? url,
        NEXT_TELEMETRY_DISABLED: "1",
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
        ...options.env,
      },
    }),
    port: options.port,
    readyPath: "/",
    logFile: options.logFile,
  });
}

/** The framework's floor (bench/floor-app.ts): its standalone server, started as the portal's is. */
export function startFloor(options: {
  port: number;
  /** The folder that holds its `server.js`. */
  directory: string;
  logFile: string;
}): Promise<Server> {
  return start({
    name: "floor",
    command: process.execPath,
    args: [join(options.directory, "server.js")],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOSTNAME: "0.0.0.0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    port: options.port,
    readyPath: "/",
    logFile: options.logFile,
  });
}
