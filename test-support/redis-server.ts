import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createClient } from "redis";

/**
 * A real Redis for the tests: Debian's `redis-server`, on a free port, keeping nothing on disk.
 * It can be stopped and started again on the same port, to take the session store away from a
 * running portal and give it back.
 */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it answering, its connections left open (SIGSTOP), as an overloaded server would. */
  pause(): void;
  /** Lets a paused server go on, with everything it held (SIGCONT). */
  resume(): void;
  /** How many keys it holds (the session store's, in these tests). */
  keyCount(): Promise<number>;
  /**
   * How many commands clients sent it while `work` ran: round trips, each a command, a script
   * or a transaction's commands, but not the commands a script runs inside Redis.
   */
  commandsSentDuring(work: () => Promise<unknown>): Promise<number>;
}

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "redis-server";

export function redisServerInstalled(): boolean {
  return spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore" }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startTestRedis(port?: number): Promise<TestRedis> {
  const chosen = port ?? (await freePort());
  const url = `redis://127.0.0.1:${chosen}`;
  let child: ChildProcess | undefined;

  async function start() {
    child = spawn(
      REDIS_SERVER,
      ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    await until(async () => (await command((client) => client.ping())) === "PONG");
  }

  async function stop() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  }

  const connection = () =>
    createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 500 } });

  async function command<T>(
    send: (client: ReturnType<typeof connection>) => Promise<T>,
  ): Promise<T | undefined> {
    const client = connection();
    client.on("error", () => {});
    try {
      await client.connect();
      return await send(client);
    } catch {
      return undefined;
    } finally {
      if (client.isOpen) await client.close();
    }
  }

  await start();
  return {
    url,
    port: chosen,
    start,
    stop,
    pause: () => child?.kill("SIGSTOP"),
    resume: () => child?.kill("SIGCONT"),
    keyCount: async () => (await command((client) => client.dbSize())) ?? 0,
    async commandsSentDuring(work) {
      const monitor = connection();
      monitor.on("error", () => {});
      await monitor.connect();
      let sent = 0;
      // MONITOR names each command's client, and "lua" for a command a script ran.
      await monitor.monitor((line) => {
        if (!String(line).includes(" lua]")) sent++;
      });
      try {
        await work();
      } finally {
        await monitor.close();
      }
      return sent;
    },
  };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("redis-server did not start");
}
