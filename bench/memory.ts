/** The portal server's resident memory before, during and after a sustained run of requests. */
import { load, type LoadTarget } from "./load";
import { rssMegabytes } from "./process-stats";

export interface MemoryResult {
  requests: number;
  unexpected: number;
  requestsPerSecond: number;
  beforeMb: number;
  peakMb: number;
  /** After each batch: a leak shows as a steady climb. */
  afterBatchMb: number[];
  afterMb: number;
  /** After a short pause, once the last requests' garbage could be collected. */
  settledMb: number;
  growthMb: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `requests` requests in `batches`, each batch with the target `nextTarget` gives (for
 * example with a fresh session, so that no batch outlives the cookie's activity window).
 */
export async function measureMemory(
  base: string,
  serverPid: number,
  nextTarget: () => Promise<LoadTarget>,
  options: { connections: number; requests: number; batches: number },
): Promise<MemoryResult> {
  const beforeMb = rssMegabytes(serverPid);
  let peakMb = beforeMb;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, rssMegabytes(serverPid));
  }, 250);
  const afterBatchMb: number[] = [];
  let requests = 0;
  let unexpected = 0;
  let seconds = 0;
  try {
    for (let batch = 0; batch < options.batches; batch++) {
      const result = await load(base, await nextTarget(), {
        connections: options.connections,
        amount: Math.ceil(options.requests / options.batches),
        serverPid,
      });
      requests += result.requests;
      unexpected += result.unexpected;
      seconds += result.seconds;
      afterBatchMb.push(rssMegabytes(serverPid));
    }
  } finally {
    clearInterval(sampler);
  }
  const afterMb = rssMegabytes(serverPid);
  peakMb = Math.max(peakMb, afterMb);
  await pause(3_000);
  const settledMb = rssMegabytes(serverPid);
  return {
    requests,
    unexpected,
    requestsPerSecond: requests / seconds,
    beforeMb,
    peakMb,
    afterBatchMb,
    afterMb,
    settledMb,
    growthMb: settledMb - beforeMb,
  };
}
