/**
 * "Your NHS record" and its calls to the API platform. The first visit after a sign-in exchanges
 * the person's ID token for a platform token, then reads PDS and ODS; later visits reuse the
 * token and read only. Timed one at a time over fresh sign-ins, the difference between the two
 * visits is what the token exchange costs the page.
 */
import { performance } from "node:perf_hooks";
import { percentile } from "./report";
import { signIn } from "./sign-in";

export interface RecordPageTimes {
  samples: number;
  /** The first visit: token exchange, PDS, ODS, and the session writes that keep the token. */
  coldP50Ms: number;
  coldP95Ms: number;
  /** A later visit: PDS and ODS with the token the session holds. */
  warmP50Ms: number;
  warmP95Ms: number;
  /** Cold minus warm, visit by visit: the exchange as the page pays for it. */
  exchangeP50Ms: number;
  exchangeP95Ms: number;
}

/** One visit to the record page, failing unless it shows the record itself. */
export async function visitRecord(portal: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(new URL("/nhs-record", portal), {
    headers: { cookie, accept: "text/html" },
    redirect: "manual",
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  // A failure is a 200 too, with a message in the page: only the record's rows count.
  if (response.status !== 200 || !body.includes('data-testid="record-address"')) {
    const reason = /data-reason="([^"]+)"/.exec(body)?.[1];
    throw new Error(`/nhs-record did not show the record (${response.status}, ${reason ?? "?"})`);
  }
  return elapsed;
}

export async function timeRecordPage(
  portal: string,
  persona: string,
  samples: number,
): Promise<RecordPageTimes> {
  const cold: number[] = [];
  const warm: number[] = [];
  const exchange: number[] = [];
  for (let i = 0; i < samples; i++) {
    const { cookie } = await signIn(portal, persona);
    const first = await visitRecord(portal, cookie);
    const second = await visitRecord(portal, cookie);
    cold.push(first);
    warm.push(second);
    exchange.push(first - second);
  }
  return {
    samples,
    coldP50Ms: percentile(cold, 50),
    coldP95Ms: percentile(cold, 95),
    warmP50Ms: percentile(warm, 50),
    warmP95Ms: percentile(warm, 95),
    exchangeP50Ms: percentile(exchange, 50),
    exchangeP95Ms: percentile(exchange, 95),
  };
}
