import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { freePort, REDIS_SERVER } from "./redis-server";
import type { Certificate } from "./tls-certificate";

/**
 * Real Redis topologies for the tests, on free loopback ports, keeping nothing but their own
 * configuration on disk (in a folder of their own, removed when they stop): a Sentinel set (a
 * primary, a replica, three sentinels) and a cluster (three primaries, three replicas, made with
 * `redis-cli --cluster create`). Failure detection is shortened (2.5 s) so that a failover takes
 * seconds.
 * With `acl`, every server requires that user (and the default user is off); with `tls`, every
 * server speaks only TLS, with that certificate, to clients and to each other.
 */
export interface Endpoint {
  host: string;
  port: number;
}

export interface Acl {
  username: string;
  password: string;
}

/** How a test reaches a server: its user, and the CA when it speaks TLS. */
export interface Access {
  acl?: Partial<Acl>;
  tls?: Certificate;
}

interface RedisProcess extends Endpoint {
  child: ChildProcess;
}

export const REDIS_SENTINEL = process.env.REDIS_SENTINEL_PATH ?? "redis-sentinel";
const REDIS_CLI = process.env.REDIS_CLI_PATH ?? "redis-cli";
const HOST = "127.0.0.1";

export function redisTopologiesInstalled(): boolean {
  return [REDIS_SERVER, REDIS_SENTINEL, REDIS_CLI].every(
    (command) => spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0,
  );
}

const running = new Set<ChildProcess>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

function aclArgs(acl: Acl | undefined): string[] {
  if (!acl) return [];
  // Each word its own argument: Redis joins an option's arguments up to the next "--".
  return [
    "--user",
    acl.username,
    "on",
    `>${acl.password}`,
    "~*",
    "&*",
    "+@all",
    "--user",
    "default",
    "off",
    "--masteruser",
    acl.username,
    "--masterauth",
    acl.password,
  ];
}

async function startProcess(command: string, args: string[], port: number, access: Access) {
  const child = spawn(command, args, { stdio: "ignore" });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const server: RedisProcess = { host: HOST, port, child };
  await until(async () => (await ask(server, access, (client) => client.ping())) === "PONG");
  return server;
}

/** One command to one server, on a connection of its own; undefined when it does not answer. */
type AskClient = ReturnType<typeof connection>;

function connection(server: Endpoint, { acl, tls }: Access) {
  return createClient({
    socket: {
      host: server.host,
      port: server.port,
      reconnectStrategy: false,
      connectTimeout: 500,
      ...(tls ? { tls: true as const, ca: tls.cert } : {}),
    },
    username: acl?.username,
    password: acl?.password,
  });
}

export async function ask<T>(
  server: Endpoint,
  access: Access,
  send: (client: AskClient) => Promise<T>,
): Promise<T | undefined> {
  const client = connection(server, access);
  client.on("error", () => {});
  try {
    await client.connect();
    return await send(client);
  } catch {
    return undefined;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

/** Not exited: a process killed by a signal has no exit code, only a signal code. */
function isRunning({ child }: RedisProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopProcess(server: RedisProcess): Promise<void> {
  const { child } = server;
  if (!isRunning(server)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

function tlsArgs(port: number, tls: Certificate | undefined): string[] {
  if (!tls) return ["--port", String(port)];
  return [
    ...["--port", "0", "--tls-port", String(port)],
    ...["--tls-cert-file", tls.certFile, "--tls-key-file", tls.keyFile],
    ...["--tls-ca-cert-file", tls.certFile, "--tls-auth-clients", "no", "--tls-replication", "yes"],
  ];
}

function serverArgs(port: number, dir: string, { acl, tls }: Options): string[] {
  return [
    ...tlsArgs(port, tls),
    "--bind",
    HOST,
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
    // A replica's first copy starts at once, not after the default 5 seconds' wait for others.
    "--repl-diskless-sync-delay",
    "0",
    ...aclArgs(acl),
  ];
}

/** A field of INFO replication, as a number; throws when the server does not say. */
async function replicationOffset(server: Endpoint, access: Access, field: string): Promise<number> {
  const info = await ask(server, access, (client) => client.sendCommand(["INFO", "replication"]));
  const offset = new RegExp(`${field}:(\\d+)`).exec(String(info))?.[1];
  if (offset === undefined) throw new Error(`no ${field} from ${server.host}:${server.port}`);
  return Number(offset);
}

/** Waits until the replica has everything its primary has written so far. */
async function caughtUp(primary: Endpoint, replica: Endpoint, access: Access): Promise<void> {
  let written = -1;
  await until(
    async () => (written = await replicationOffset(primary, access, "master_repl_offset")) >= 0,
  );
  await until(
    async () => (await replicationOffset(replica, access, "slave_repl_offset")) >= written,
  );
}

/** A replica that has its copy of the primary and follows it. */
async function replicaInSync(server: Endpoint, access: Access): Promise<boolean> {
  const info = await ask(server, access, (client) => client.sendCommand(["INFO", "replication"]));
  return String(info).includes("master_link_status:up");
}

export interface Options {
  acl?: Acl;
  tls?: Certificate;
}

/** One server, as a managed endpoint would be. */
export async function startRedisServer(
  options: Options = {},
): Promise<Endpoint & { stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "portal-redis-"));
  const port = await freePort();
  const access: Access = { acl: options.acl, tls: options.tls };
  const server = await startProcess(REDIS_SERVER, serverArgs(port, dir, options), port, access);
  return {
    host: server.host,
    port,
    async stop() {
      await stopProcess(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SentinelSet {
  name: string;
  sentinels: Endpoint[];
  /** The primary as the sentinels see it now. */
  primary(): Promise<Endpoint>;
  /** Waits until the replica has everything the primary has written so far. */
  replicated(): Promise<void>;
  /** Kills the primary (SIGKILL) and waits until the sentinels have promoted the replica. */
  killPrimary(): Promise<{ from: Endpoint; to: Endpoint }>;
  stop(): Promise<void>;
}

export async function startSentinelSet(options: Options = {}): Promise<SentinelSet> {
  const { acl, tls } = options;
  const access: Access = { acl, tls };
  const sentinelAccess: Access = { acl: acl ? { password: acl.password } : undefined, tls };
  const name = "portal-sessions";
  const dir = mkdtempSync(join(tmpdir(), "portal-sentinel-"));
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const servers = [
    await startProcess(REDIS_SERVER, serverArgs(primaryPort, dir, options), primaryPort, access),
  ];
  servers.push(
    await startProcess(
      REDIS_SERVER,
      [...serverArgs(replicaPort, dir, options), "--replicaof", HOST, String(primaryPort)],
      replicaPort,
      access,
    ),
  );
  const sentinels: RedisProcess[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const file = join(dir, `sentinel-${port}.conf`);
    writeFileSync(
      file,
      [
        ...(tls
          ? [
              "port 0",
              `tls-port ${port}`,
              `tls-cert-file ${tls.certFile}`,
              `tls-key-file ${tls.keyFile}`,
              `tls-ca-cert-file ${tls.certFile}`,
              "tls-auth-clients no",
              "tls-replication yes",
            ]
          : [`port ${port}`]),
        `bind ${HOST}`,
        `dir ${dir}`,
        `sentinel monitor ${name} ${HOST} ${primaryPort} 2`,
        // Short enough for a test, long enough that a busy machine is not taken for a dead primary.
        `sentinel down-after-milliseconds ${name} 2500`,
        `sentinel failover-timeout ${name} 3000`,
        `sentinel parallel-syncs ${name} 1`,
        ...(acl
          ? [
              `sentinel auth-user ${name} ${acl.username}`,
              `sentinel auth-pass ${name} ${acl.password}`,
              // The sentinels' own password, which they also use among themselves.
              `requirepass ${acl.password}`,
              `sentinel sentinel-pass ${acl.password}`,
            ]
          : []),
        "",
      ].join("\n"),
    );
    sentinels.push(await startProcess(REDIS_SENTINEL, [file], port, sentinelAccess));
  }
  // Settled as a deployment is: each sentinel knows the other two (a failover needs a majority
  // of them), and the replica, which has its copy.
  const settled = async (sentinel: Endpoint) => {
    const master = (await ask(sentinel, sentinelAccess, (client) =>
      client.sendCommand(["SENTINEL", "MASTER", name]),
    )) as string[] | Record<string, string> | undefined;
    const fields = Array.isArray(master)
      ? Object.fromEntries(master.flatMap((_, i) => (i % 2 ? [] : [[master[i], master[i + 1]]])))
      : (master ?? {});
    return fields["num-other-sentinels"] === "2" && fields["num-slaves"] === "1";
  };
  await until(async () => {
    const all = await Promise.all(sentinels.map(settled));
    return all.every(Boolean) && (await replicaInSync(servers[1]!, access));
  }, 30_000);

  async function primary(): Promise<Endpoint> {
    const reply = (await ask(sentinels[0]!, sentinelAccess, (client) =>
      client.sendCommand(["SENTINEL", "GET-MASTER-ADDR-BY-NAME", name]),
    )) as [string, string] | undefined;
    if (!reply) throw new Error("the sentinels did not answer");
    return { host: reply[0], port: Number(reply[1]) };
  }

  return {
    name,
    sentinels: sentinels.map(({ host, port }) => ({ host, port })),
    primary,
    async replicated() {
      const now = await primary();
      const replica = servers.find((server) => server.port !== now.port && isRunning(server))!;
      await caughtUp(now, replica, access);
    },
    async killPrimary() {
      const from = await primary();
      const server = servers.find(({ port }) => port === from.port)!;
      await stopProcess(server);
      let to = from;
      await until(async () => {
        to = await primary();
        return to.port !== from.port;
      }, 45_000);
      // The new primary takes writes once the sentinels have reconfigured it.
      await until(
        async () =>
          (await ask(to, access, (client) => client.sendCommand(["ROLE"])))
            ?.toString()
            .startsWith("master") === true,
      );
      return { from, to };
    },
    async stop() {
      for (const server of [...sentinels, ...servers]) await stopProcess(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisCluster {
  nodes: Endpoint[];
  /** Waits until the replica of the primary that serves this key has everything it has written. */
  replicated(key: string): Promise<void>;
  /** Kills the primary that serves this key (SIGKILL) and waits until its replica took over. */
  killPrimaryOf(key: string): Promise<{ from: Endpoint; to: Endpoint }>;
  stop(): Promise<void>;
}

interface ClusterNode {
  id: string;
  endpoint: Endpoint;
  flags: string[];
  primaryId: string;
  slots: string[];
}

/** CLUSTER NODES, parsed: each node's address, role and slots. */
function parseNodes(text: string): ClusterNode[] {
  if (!text.trim()) throw new Error("CLUSTER NODES did not answer");
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const [id, address, flags, primaryId, , , , , ...slots] = line.split(" ");
      const [hostPort] = address!.split("@");
      const [host, port] = hostPort!.split(":");
      return {
        id: id!,
        endpoint: { host: host!, port: Number(port) },
        flags: flags!.split(","),
        primaryId: primaryId!,
        slots,
      };
    });
}

function servesSlot(node: ClusterNode, slot: number): boolean {
  return node.slots.some((range) => {
    const [from, to = from] = range.split("-").map(Number);
    return slot >= from! && slot <= to!;
  });
}

export async function startRedisCluster(options: Options = {}): Promise<RedisCluster> {
  const { acl, tls } = options;
  const access: Access = { acl, tls };
  const dir = mkdtempSync(join(tmpdir(), "portal-cluster-"));
  const servers: RedisProcess[] = [];
  for (let i = 0; i < 6; i++) {
    const port = await freePort();
    servers.push(
      await startProcess(
        REDIS_SERVER,
        [
          ...serverArgs(port, dir, options),
          ...(tls ? ["--tls-cluster", "yes"] : []),
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          join(dir, `nodes-${port}.conf`),
          "--cluster-node-timeout",
          "2500",
        ],
        port,
        access,
      ),
    );
  }
  const create = spawnSync(
    REDIS_CLI,
    [
      ...(acl ? ["--user", acl.username, "--pass", acl.password, "--no-auth-warning"] : []),
      ...(tls ? ["--tls", "--cacert", tls.certFile] : []),
      "--cluster",
      "create",
      ...servers.map(({ host, port }) => `${host}:${port}`),
      "--cluster-replicas",
      "1",
      "--cluster-yes",
    ],
    { encoding: "utf8" },
  );
  if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}`);
  const nodesOf = async (server: Endpoint) =>
    parseNodes(
      (
        await ask(server, access, (client) => client.sendCommand(["CLUSTER", "NODES"]))
      )?.toString() ?? "",
    );
  const clusterOk = async (server: Endpoint) =>
    (await ask(server, access, (client) => client.sendCommand(["CLUSTER", "INFO"])))
      ?.toString()
      .includes("cluster_state:ok") === true;
  const replicasInSync = async () => {
    const replicas = (await nodesOf(servers[0]!)).filter((node) => node.flags.includes("slave"));
    const synced = await Promise.all(replicas.map((node) => replicaInSync(node.endpoint, access)));
    return replicas.length === 3 && synced.every(Boolean);
  };
  await until(
    async () =>
      (await Promise.all(servers.map(clusterOk))).every(Boolean) && (await replicasInSync()),
    30_000,
  );

  /** The primary that serves a key now, and the key's slot. */
  async function shardOf(key: string) {
    const alive = servers.find(isRunning)!;
    let found: { owner: ClusterNode; slot: number } | undefined;
    await until(async () => {
      const slot = Number(
        await ask(alive, access, (client) => client.sendCommand(["CLUSTER", "KEYSLOT", key])),
      );
      const owner = (await nodesOf(alive)).find(
        (node) =>
          node.flags.includes("master") && !node.flags.includes("fail") && servesSlot(node, slot),
      );
      found = owner ? { owner, slot } : undefined;
      return found !== undefined;
    });
    return found!;
  }

  return {
    nodes: servers.map(({ host, port }) => ({ host, port })),
    async replicated(key) {
      const { owner } = await shardOf(key);
      const nodes = await nodesOf(owner.endpoint);
      for (const replica of nodes.filter((node) => node.primaryId === owner.id)) {
        await caughtUp(owner.endpoint, replica.endpoint, access);
      }
    },
    async killPrimaryOf(key) {
      const { owner, slot } = await shardOf(key);
      const server = servers.find(({ port }) => port === owner.endpoint.port)!;
      await stopProcess(server);
      const survivor = servers.find(isRunning)!;
      let to: Endpoint = owner.endpoint;
      await until(async () => {
        const now = await nodesOf(survivor);
        const promoted = now.find(
          (node) =>
            node.flags.includes("master") && !node.flags.includes("fail") && servesSlot(node, slot),
        );
        if (!promoted || promoted.endpoint.port === owner.endpoint.port) return false;
        to = promoted.endpoint;
        return clusterOk(survivor);
      }, 45_000).catch(async (error: unknown) => {
        const view = await ask(survivor, access, (client) =>
          client.sendCommand(["CLUSTER", "NODES"]),
        );
        throw new Error(
          `no failover of slot ${slot} from ${owner.endpoint.port}: ${String(view)}`,
          {
            cause: error,
          },
        );
      });
      return { from: owner.endpoint, to };
    },
    async stop() {
      for (const server of servers) await stopProcess(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A server may refuse a moment longer (starting, or just promoted): ask again.
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the Redis servers did not get there in time");
}
