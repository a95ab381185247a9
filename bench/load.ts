/** Throughput and latency of one URL under fixed concurrency, with autocannon. */
import autocannon from "autocannon";
import { cpuMilliseconds } from "./process-stats";

export interface LoadTarget {
  name: string;
  path: string;
  cookie?: string;
  expectedStatus: number;
}

export interface LoadResult {
  name: string;
  path: string;
  expectedStatus: number;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** The server's CPU time per request: steadier than req/s when other work shares the machine. */
  serverCpuMsPerRequest: number;
  /** Responses with another status, errors and timeouts: any of these spoils the figure. */
  unexpected: number;
  statusCounts: Record<string, number>;
}

export async function load(
  base: string,
  target: LoadTarget,
  options: { connections: number; seconds?: number; amount?: number; serverPid: number },
): Promise<LoadResult> {
  const cpuBefore = cpuMilliseconds(options.serverPid);
  const result = await autocannon({
    url: new URL(target.path, base).toString(),
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    headers: target.cookie ? { cookie: target.cookie } : {},
    timeout: 10,
  });
  const cpu = cpuMilliseconds(options.serverPid) - cpuBefore;
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
  );
  const expected = statusCounts[String(target.expectedStatus)] ?? 0;
  const requests = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
  return {
    name: target.name,
    path: target.path,
    expectedStatus: target.expectedStatus,
    connections: options.connections,
    seconds: result.duration,
    requests,
    requestsPerSecond: requests / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    serverCpuMsPerRequest: cpu / requests,
    unexpected: requests - expected + result.errors + result.timeouts,
    statusCounts,
  };
}

/** A short run whose figures are thrown away: JIT, caches and connection set-up. */
export async function warmUp(
  base: string,
  target: LoadTarget,
  options: { connections: number; seconds: number; serverPid: number },
): Promise<void> {
  await load(base, target, options);
}
