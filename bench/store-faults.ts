/**
 * The session store hanging under load: Redis paused (SIGSTOP, its connections left open) for a
 * while in the middle of a steady load on a gated page and on a public page, both with a
 * session. What people meet: how long the slowest answer took while Redis hung, whether anything
 * failed that should not have, and how soon every answer was normal again after it came back.
 */
import autocannon from "autocannon";
import type { TestRedis } from "../test-support/redis-server";
import type { LoadTarget } from "./load";

export interface StoreFaultResult {
  hangSeconds: number;
  /** The store's deadline (SESSION_STORE_TIMEOUT_MS): no answer should wait much longer. */
  deadlineMs: number;
  requests: number;
  /** The slowest answer to a request that was waiting while Redis hung. */
  slowestDuringHangMs: number;
  /** Answers that were not what the page gives when all is well, before the hang or well after. */
  failedOutsideHang: number;
  /** The public page's answers other than 200, at any time: it needs no store. */
  publicPageFailures: number;
  /** From Redis answering again to the last answer that was not normal. */
  secondsUntilNormal: number;
  /** What the gated page answered while Redis hung, by status. */
  gatedDuringHang: Record<string, number>;
}

interface Sample {
  target: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

/** An answer is normal when it is the page's usual one and comes well within the deadline. */
const NORMAL_WITHIN_MS = 1_000;
/** How soon after Redis is back every answer must be normal (the goal). */
export const RECOVERY_GOAL_SECONDS = 3;

export async function hangUnderLoad(
  base: string,
  targets: { gated: LoadTarget; public: LoadTarget },
  redis: TestRedis,
  options: {
    connections: number;
    beforeSeconds: number;
    hangSeconds: number;
    afterSeconds: number;
    deadlineMs: number;
  },
): Promise<StoreFaultResult> {
  const samples: Sample[] = [];
  const seconds = options.beforeSeconds + options.hangSeconds + options.afterSeconds;
  const runs = Object.values(targets).map((target) => {
    const instance = autocannon({
      url: new URL(target.path, base).toString(),
      connections: Math.max(1, Math.round(options.connections / 2)),
      duration: seconds,
      headers: target.cookie ? { cookie: target.cookie } : {},
      timeout: 10,
    });
    instance.on("response", (_client, status, _bytes, responseTimeMs) => {
      const endedAt = Date.now();
      samples.push({ target: target.name, status, startedAt: endedAt - responseTimeMs, endedAt });
    });
    instance.on("reqError", () => {
      const now = Date.now();
      samples.push({ target: target.name, status: 0, startedAt: now, endedAt: now });
    });
    return instance;
  });

  await sleep(options.beforeSeconds * 1000);
  const hangStart = Date.now();
  redis.pause();
  await sleep(options.hangSeconds * 1000);
  redis.resume();
  const hangEnd = Date.now();
  await Promise.all(runs);

  const expected = (sample: Sample) =>
    sample.status ===
    (sample.target === targets.gated.name ? targets.gated : targets.public).expectedStatus;
  const normal = (sample: Sample) =>
    expected(sample) && sample.endedAt - sample.startedAt < NORMAL_WITHIN_MS;
  const waitedDuringHang = samples.filter((s) => s.endedAt >= hangStart && s.startedAt <= hangEnd);
  const gatedDuringHang: Record<string, number> = {};
  for (const sample of waitedDuringHang.filter((s) => s.target === targets.gated.name)) {
    gatedDuringHang[sample.status] = (gatedDuringHang[sample.status] ?? 0) + 1;
  }
  const lastAbnormal = Math.max(
    hangEnd,
    ...samples.filter((s) => !normal(s)).map((s) => s.endedAt),
  );
  const outside = (s: Sample) =>
    s.endedAt < hangStart || s.startedAt > hangEnd + RECOVERY_GOAL_SECONDS * 1000;
  return {
    hangSeconds: options.hangSeconds,
    deadlineMs: options.deadlineMs,
    requests: samples.length,
    slowestDuringHangMs: Math.max(0, ...waitedDuringHang.map((s) => s.endedAt - s.startedAt)),
    failedOutsideHang: samples.filter((s) => outside(s) && !expected(s)).length,
    publicPageFailures: samples.filter((s) => s.target === targets.public.name && s.status !== 200)
      .length,
    secondsUntilNormal: (lastAbnormal - hangEnd) / 1000,
    gatedDuringHang,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
