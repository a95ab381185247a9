/**
 * The portal as a fleet: HAProxy (Debian's) in front of three portal instances that share their
 * sessions in a Sentinel set (a primary, a replica, three sentinels) or a cluster (three primaries,
 * three replicas). Under a steady mixed load at a fixed rate (people already logged in opening
 * `/profile`, and sign-ins through the simulator), one portal instance is killed (SIGKILL), then
 * the Redis primary that holds the sessions. What people meet: requests that failed, people sent back to log in
 * (sessions lost), and how soon every answer is normal again after each event.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createClient } from "redis";
import { SimulatorControl } from "../simulator/control";
import {
  startRedisCluster,
  startSentinelSet,
  type Endpoint,
} from "../test-support/redis-topologies";
import { BENCH } from "./config";
import { startPortal, type Server } from "./servers";
import { signIn } from "./sign-in";

export interface ScaleOutEvent {
  name: string;
  /** Seconds from the start of the load. */
  atSeconds: number;
  /** For a primary's death: seconds until the sentinels or the cluster promoted its replica. */
  failoverSeconds?: number;
  /** Requests started after that promotion, and of them, how many failed. */
  afterFailover?: { requests: number; failed: number };
  /** From the event to the last answer, until the next event, that was not normal. */
  normalAfterSeconds: number;
  /** Answers from the event to the next. */
  requests: number;
  failed: number;
  sentBackToLogIn: number;
}

export interface ScaleOutResult {
  topology: "Redis Sentinel" | "Redis Cluster";
  seconds: number;
  requests: number;
  failed: number;
  /** Gated-page answers that sent a person already logged in back to log in. */
  sentBackToLogIn: number;
  /** People already logged in whose session did not survive to the end. */
  sessionsLost: number;
  /** Sessions opened in the phase before the primary died, and of them, lost with it. */
  signedInBeforeThePrimaryDied: { sessions: number; lost: number };
  people: number;
  signIns: { completed: number; failed: number };
  events: ScaleOutEvent[];
  /** Requests a second through the load balancer: three instances, and one alone. */
  throughput?: { threeInstances: number; oneInstance: number };
  /**
   * A session's write to the primary, alone and followed by WAIT 1 (until the replica has it),
   * each on a connection of its own: what waiting for the replica would add to a sign-in (medians).
   */
  replicaAcknowledgement?: { writeMs: number; writeAndWaitMs: number };
}

type Outcome = "ok" | "failed" | "sent-back";

interface Sample {
  outcome: Outcome;
  startedAt: number;
  endedAt: number;
  /** Which person: their session, for the count of sessions lost. */
  person?: number;
  /** A sign-in's session cookie. */
  cookie?: string;
}

const HAPROXY = process.env.HAPROXY_PATH ?? "haproxy";
/** A gated page slower than this is not a normal answer. */
const NORMAL_WITHIN_MS = 1_000;

export function haproxyInstalled(): boolean {
  return spawnSync(HAPROXY, ["-v"], { stdio: "ignore" }).status === 0;
}

/**
 * HAProxy as a deployment would have it: round robin, a readiness check every second (two
 * failures take an instance out), and a request whose connection is refused or reset before any
 * answer is tried again on another instance. When every instance is out, which is what a shared
 * session store that cannot be reached does to all of them at once, the same instances serve as
 * backups without a check: they answer the NHS-styled "service unavailable" page and serve the
 * public pages, instead of the load balancer's own error, and are back the moment Redis is.
 */
function haproxyConfig(port: number, instances: number[]): string {
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  retries 2",
    "  option redispatch",
    "  retry-on conn-failure empty-response",
    "frontend portal",
    `  bind 127.0.0.1:${port}`,
    "  default_backend portals",
    "backend portals",
    "  balance roundrobin",
    "  option httpchk",
    "  http-check send meth GET uri /api/health/ready ver HTTP/1.1 hdr Host localhost",
    "  http-check expect status 200",
    "  default-server check inter 1s fall 2 rise 2",
    ...instances.map((instance, i) => `  server portal-${i + 1} 127.0.0.1:${instance}`),
    "  option allbackups",
    ...instances.map(
      (instance, i) => `  server portal-${i + 1}-unchecked 127.0.0.1:${instance} backup no-check`,
    ),
    "",
  ].join("\n");
}

async function startHaproxy(port: number, instances: number[]) {
  const dir = mkdtempSync(join(tmpdir(), "portal-haproxy-"));
  const file = join(dir, "haproxy.cfg");
  writeFileSync(file, haproxyConfig(port, instances));
  const child: ChildProcess = spawn(HAPROXY, ["-f", file, "-db"], { stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.once("exit", () => child.kill("SIGKILL"));
  // Serving once every instance behind it passes its readiness check.
  await until(async () => {
    const response = await fetch(`http://localhost:${port}/api/health/live`).catch(() => undefined);
    return response?.ok === true;
  }, 30_000);
  return {
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("not ready in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The settings that put the portal's sessions in the topology. */
type StoreSettings = Record<string, string>;

async function topologyFor(kind: ScaleOutResult["topology"]) {
  const endpoints = (nodes: Endpoint[]) =>
    nodes.map(({ host, port }) => `${host}:${port}`).join(",");
  if (kind === "Redis Sentinel") {
    const set = await startSentinelSet();
    const settings: StoreSettings = {
      REDIS_SENTINELS: endpoints(set.sentinels),
      REDIS_SENTINEL_NAME: set.name,
    };
    return {
      settings,
      primary: () => set.primary(),
      killPrimary: () => set.killPrimary(),
      stop: set.stop,
    };
  }
  const cluster = await startRedisCluster();
  const settings: StoreSettings = { REDIS_CLUSTER_NODES: endpoints(cluster.nodes) };
  return {
    settings,
    primary: undefined,
    // One of the three primaries: about a third of the accounts' sessions are in its slots.
    killPrimary: () => cluster.killPrimaryOf("portal:account:{scale-out}"),
    stop: cluster.stop,
  };
}

/**
 * Starts `send` at a steady rate while `running`, whether or not earlier ones have answered (an
 * open load, as people arriving are): a failure that comes back fast does not make more requests.
 */
async function atRate(perSecond: number, running: () => boolean, send: () => Promise<void>) {
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / perSecond;
  let next = Date.now();
  while (running()) {
    const sent: Promise<void> = send().finally(() => inFlight.delete(sent));
    inFlight.add(sent);
    next += interval;
    await sleep(Math.max(0, next - Date.now()));
  }
  await Promise.all(inFlight);
}

/** Opens `/profile` as one of the people, and records the answer. */
async function openProfile(base: string, cookies: string[], person: number, samples: Sample[]) {
  const startedAt = Date.now();
  let outcome: Outcome = "failed";
  try {
    const response = await fetch(`${base}/profile`, {
      headers: { cookie: cookies[person]! },
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    const location = response.headers.get("location") ?? "";
    if (response.status === 200) outcome = "ok";
    else if (
      response.status >= 300 &&
      response.status < 400 &&
      location.includes("/auth/sign-in")
    ) {
      outcome = "sent-back";
    }
  } catch {
    // Refused, reset or timed out: failed.
  }
  samples.push({ outcome, startedAt, endedAt: Date.now(), person });
}

async function signInOnce(base: string, persona: string, samples: Sample[]) {
  const startedAt = Date.now();
  const signedIn = await signIn(base, persona).catch(() => undefined);
  samples.push({
    outcome: signedIn ? "ok" : "failed",
    startedAt,
    endedAt: Date.now(),
    ...(signedIn ? { cookie: signedIn.cookie } : {}),
  });
}

/** Whether a session opens its page. */
async function survived(base: string, cookie: string): Promise<boolean> {
  const response = await fetch(`${base}/profile`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status === 200;
}

/** The median time of a session-sized write, alone and then each followed by WAIT 1. */
async function replicaAcknowledgement(primary: Endpoint) {
  const client = createClient({ socket: primary });
  await client.connect();
  const record = { data: "x".repeat(1_500), authenticatedAt: "1", lastActiveAt: "1" };
  const keys = Array.from({ length: 200 }, (_, i) => `bench:wait:${i}`);
  const median = async (wait: boolean) => {
    const times: number[] = [];
    for (const key of keys) {
      const started = performance.now();
      await client.hSet(key, record);
      if (wait) await client.sendCommand(["WAIT", "1", "1000"]);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[100]!;
  };
  try {
    return { writeMs: await median(false), writeAndWaitMs: await median(true) };
  } finally {
    await client.del(keys).catch(() => undefined);
    client.destroy();
  }
}

/** Gated pages through the load balancer, as many a second as they come, after a warm-up. */
async function throughput(url: string, cookie: string): Promise<number> {
  await autocannon({ url: `${url}/profile`, connections: 10, duration: 3, headers: { cookie } });
  const result = await autocannon({
    url: `${url}/profile`,
    connections: 10,
    duration: 10,
    headers: { cookie },
  });
  return (result.statusCodeStats["200"]?.count ?? 0) / result.duration;
}

export async function scaleOut(
  kind: ScaleOutResult["topology"],
  simulator: Server,
  options: { measureThroughput: boolean },
): Promise<ScaleOutResult> {
  const { scaleOut: settings } = BENCH;
  const phaseMs = settings.phaseSeconds * 1000;
  console.log(`Scale-out on ${kind}: HAProxy and three instances…`);
  const store = await topologyFor(kind);
  const instances: Server[] = [];
  const balancers: Array<{ stop(): Promise<void> }> = [];
  try {
    for (const [i, port] of settings.instancePorts.entries()) {
      instances.push(
        await startPortal({
          port,
          issuer: simulator.url,
          authSecret: BENCH.authSecret,
          logFile: join(BENCH.resultsDir, `scale-out-${i + 1}.log`),
          publicUrl: settings.loadBalancer,
          env: store.settings,
        }),
      );
    }
    balancers.push(await startHaproxy(settings.loadBalancerPort, settings.instancePorts));
    const base = settings.loadBalancer;

    // People of their own, so that no account's cap ends anyone's session.
    const control = new SimulatorControl(simulator.url);
    const people = await Promise.all(
      Array.from({ length: settings.people }, async () => (await control.createPersona("p9")).id),
    );
    const cookies: string[] = [];
    for (const person of people) cookies.push((await signIn(base, person)).cookie);

    const acknowledgement = store.primary
      ? await replicaAcknowledgement(await store.primary())
      : undefined;
    let result: ScaleOutResult["throughput"];
    if (options.measureThroughput) {
      console.log("  throughput: three instances, then one, behind HAProxy…");
      const threeInstances = await throughput(base, cookies[0]!);
      const single = await startHaproxy(settings.singleLoadBalancerPort, [
        settings.instancePorts[0]!,
      ]);
      const oneInstance = await throughput(
        `http://localhost:${settings.singleLoadBalancerPort}`,
        cookies[0]!,
      );
      await single.stop();
      result = { threeInstances, oneInstance };
      console.log(
        `  ${Math.round(threeInstances)} against ${Math.round(oneInstance)} requests a second`,
      );
    }

    const pages: Sample[] = [];
    const signIns: Sample[] = [];
    let running = true;
    const started = Date.now();
    let next = 0;
    const load = Promise.all([
      atRate(
        settings.pagesPerSecond,
        () => running,
        () => openProfile(base, cookies, next++ % cookies.length, pages),
      ),
      // A person of their own each time, so that no account's cap ends a session measured here.
      atRate(
        settings.signInsPerSecond,
        () => running,
        async () => signInOnce(base, (await control.createPersona("p9")).id, signIns),
      ),
    ]);
    const events: Array<{ name: string; at: number; failedOverAt?: number }> = [];
    await sleep(phaseMs);
    events.push({ name: "one portal instance killed (SIGKILL)", at: Date.now() });
    await instances[1]!.kill();
    await sleep(phaseMs);
    const primaryKilledAt = Date.now();
    await store.killPrimary();
    events.push({
      name: kind === "Redis Sentinel" ? "the Redis primary killed" : "a Redis primary killed",
      at: primaryKilledAt,
      failedOverAt: Date.now(),
    });
    await sleep(phaseMs);
    running = false;
    await load;
    const ended = Date.now();

    // Whose session survived everything: each person opens their page once more; and the
    // sessions signed in during the phase before the primary died, which it may not have passed
    // on to its replica.
    const lost = (await Promise.all(cookies.map((cookie) => survived(base, cookie)))).filter(
      (ok) => !ok,
    ).length;
    const justBefore = signIns.filter(
      (sample) =>
        sample.cookie &&
        sample.endedAt <= primaryKilledAt &&
        sample.endedAt > primaryKilledAt - phaseMs,
    );
    const lostJustBefore = (
      await Promise.all(justBefore.map((sample) => survived(base, sample.cookie!)))
    ).filter((ok) => !ok).length;

    const all = [...pages, ...signIns];

    const abnormal = (sample: Sample) =>
      sample.outcome !== "ok" || sample.endedAt - sample.startedAt > NORMAL_WITHIN_MS;
    return {
      topology: kind,
      seconds: (ended - started) / 1000,
      requests: all.length,
      failed: all.filter((sample) => sample.outcome === "failed").length,
      sentBackToLogIn: pages.filter((sample) => sample.outcome === "sent-back").length,
      sessionsLost: lost,
      signedInBeforeThePrimaryDied: { sessions: justBefore.length, lost: lostJustBefore },
      people: people.length,
      signIns: {
        completed: signIns.filter((sample) => sample.outcome === "ok").length,
        failed: signIns.filter((sample) => sample.outcome === "failed").length,
      },
      events: events.map((event, i) => {
        const until = events[i + 1]?.at ?? ended;
        const during = all.filter((sample) => sample.endedAt >= event.at && sample.endedAt < until);
        const lastAbnormal = Math.max(event.at, ...during.filter(abnormal).map((s) => s.endedAt));
        const afterFailover = event.failedOverAt
          ? all.filter(
              (sample) => sample.startedAt >= event.failedOverAt! && sample.endedAt < until,
            )
          : undefined;
        return {
          name: event.name,
          atSeconds: (event.at - started) / 1000,
          ...(event.failedOverAt && afterFailover
            ? {
                failoverSeconds: (event.failedOverAt - event.at) / 1000,
                afterFailover: {
                  requests: afterFailover.length,
                  failed: afterFailover.filter((sample) => sample.outcome === "failed").length,
                },
              }
            : {}),
          normalAfterSeconds: (lastAbnormal - event.at) / 1000,
          requests: during.length,
          failed: during.filter((sample) => sample.outcome === "failed").length,
          sentBackToLogIn: during.filter((sample) => sample.outcome === "sent-back").length,
        };
      }),
      ...(result ? { throughput: result } : {}),
      ...(acknowledgement ? { replicaAcknowledgement: acknowledgement } : {}),
    };
  } finally {
    for (const balancer of balancers) await balancer.stop();
    for (const instance of instances) await instance.stop();
    await store.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
