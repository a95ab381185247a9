/**
 * The portal's pages beside the framework's floor (bench/floor-app.ts), in the same run: round
 * after round, the floor and then each page in the same order, so that whatever else the machine
 * is doing weighs on them alike. A ratio is a page's requests a second ÷ the floor's in the same
 * round; the median of the rounds is the figure the targets use.
 */
import type { FloorVersions } from "./floor-app";
import { load, warmUp, type LoadResult, type LoadTarget } from "./load";
import { visitRecord } from "./nhs-record";
import { percentile } from "./report";
import type { Server } from "./servers";
import { signIn } from "./sign-in";

export interface FloorRatio {
  name: string;
  path: string;
  /** Requests a second ÷ the floor's, round by round. */
  perRound: number[];
  median: number;
  /** The floor's server CPU time per request ÷ the page's: steadier on a shared machine. */
  byCpuMedian: number;
}

export interface SessionCost {
  store: "memory" | "Redis";
  /** The start page's server CPU time per request ÷ the profile's, round by round. */
  perRound: number[];
  median: number;
}

export interface FloorComparison {
  versions: FloorVersions;
  settings: { rounds: number; connections: number; seconds: number; warmupSeconds: number };
  /** One entry for the floor and one for each page, each with its runs in round order. */
  measured: { name: string; path: string; runs: LoadResult[] }[];
  ratios: FloorRatio[];
  sessionCost: SessionCost[];
}

interface Contender {
  name: string;
  server: Server;
  /** Made afresh for each run: a run a minute later must not send a cookie the portal rewrites. */
  target: () => Promise<LoadTarget>;
  /** After each run: whatever shows the page was still the real one (a 200 is not enough). */
  check?: (target: LoadTarget) => Promise<unknown>;
}

/** What each run is called, in the results and in the targets that pick their ratios. */
export const MEASURED = {
  floor: "the framework's floor",
  start: "start page",
  profileInMemory: "profile, sessions in memory",
  profileInRedis: "profile, sessions in Redis",
  record: "NHS record, warm token",
} as const;

function contenders(
  servers: { floor: Server; portal: Server; redisPortal: Server },
  persona: string,
): Contender[] {
  const { floor, portal, redisPortal } = servers;
  const profile = (name: string, server: Server): Contender => ({
    name,
    server,
    target: async () => ({
      name,
      path: "/profile",
      cookie: (await signIn(server.url, persona)).cookie,
      expectedStatus: 200,
    }),
  });
  return [
    {
      name: MEASURED.floor,
      server: floor,
      target: async () => ({ name: MEASURED.floor, path: "/", expectedStatus: 200 }),
    },
    {
      name: MEASURED.start,
      server: portal,
      target: async () => ({ name: MEASURED.start, path: "/", expectedStatus: 200 }),
    },
    profile(MEASURED.profileInMemory, portal),
    profile(MEASURED.profileInRedis, redisPortal),
    {
      name: MEASURED.record,
      server: portal,
      // The session's first visit exchanges the token; the run's visits reuse it.
      target: async () => {
        const { cookie } = await signIn(portal.url, persona);
        await visitRecord(portal.url, cookie);
        return { name: MEASURED.record, path: "/nhs-record", cookie, expectedStatus: 200 };
      },
      check: (target) => visitRecord(portal.url, target.cookie!),
    },
  ];
}

export async function compareWithFloor(
  servers: { floor: Server; portal: Server; redisPortal: Server },
  options: {
    versions: FloorVersions;
    persona: string;
    rounds: number;
    connections: number;
    seconds: number;
    warmupSeconds: number;
  },
): Promise<FloorComparison> {
  const { connections, seconds, warmupSeconds } = options;
  const list = contenders(servers, options.persona);
  for (const contender of list) {
    await warmUp(contender.server.url, await contender.target(), {
      connections,
      seconds: warmupSeconds,
      serverPid: contender.server.serverPid,
    });
  }
  const runs = new Map(list.map((contender) => [contender.name, [] as LoadResult[]]));
  for (let round = 1; round <= options.rounds; round++) {
    console.log(`Beside the framework's floor, round ${round} of ${options.rounds}`);
    for (const contender of list) {
      const target = await contender.target();
      const result = await load(contender.server.url, target, {
        connections,
        seconds,
        serverPid: contender.server.serverPid,
      });
      await contender.check?.(target);
      console.log(
        `  ${contender.name}: ${Math.round(result.requestsPerSecond)} req/s, ` +
          `${result.serverCpuMsPerRequest.toFixed(2)} ms server CPU per request`,
      );
      runs.get(contender.name)!.push(result);
    }
  }

  const floorRuns = runs.get(MEASURED.floor)!;
  const ratios = list.slice(1).map(({ name }): FloorRatio => {
    const pageRuns = runs.get(name)!;
    const perRound = pageRuns.map(
      (run, round) => run.requestsPerSecond / floorRuns[round]!.requestsPerSecond,
    );
    const byCpu = pageRuns.map(
      (run, round) => floorRuns[round]!.serverCpuMsPerRequest / run.serverCpuMsPerRequest,
    );
    return {
      name,
      path: pageRuns[0]!.path,
      perRound,
      median: percentile(perRound, 50),
      byCpuMedian: percentile(byCpu, 50),
    };
  });
  const sessionCost = (store: SessionCost["store"], profile: string): SessionCost => {
    const starts = runs.get(MEASURED.start)!;
    const perRound = runs
      .get(profile)!
      .map((run, round) => starts[round]!.serverCpuMsPerRequest / run.serverCpuMsPerRequest);
    return { store, perRound, median: percentile(perRound, 50) };
  };
  return {
    versions: options.versions,
    settings: { rounds: options.rounds, connections, seconds, warmupSeconds },
    measured: list.map(({ name }) => {
      const [first] = runs.get(name)!;
      return { name, path: first!.path, runs: runs.get(name)! };
    }),
    ratios,
    sessionCost: [
      sessionCost("memory", MEASURED.profileInMemory),
      sessionCost("Redis", MEASURED.profileInRedis),
    ],
  };
}
