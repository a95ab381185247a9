import { getConfig } from "../config";
import { fetchNhsLoginMetadata } from "../nhs-login/metadata";
import { sessionStore } from "../session/current";
import { readinessProbe, type ReadinessReport } from "./readiness";

/**
 * NHS login asked every 15 seconds at most, by each instance, however often it is probed: it can
 * only turn ok into degraded, which an operator reads, and a load balancer does not act on.
 */
const NHS_LOGIN_CACHE_MS = 15_000;
/** The store's own state is known at once; asking it is cheap. */
const STORE_CACHE_MS = 1_000;

/**
 * This portal's readiness (docs/decisions/0011). Without its session store it cannot serve, and a
 * load balancer should send people elsewhere: it must answer a PING within the store's own
 * deadline (a reconnection under way included). NHS login
 * not answering (a fresh read of its discovery document, within NHS_LOGIN_TIMEOUT_MS) only
 * degrades it: public pages and the "NHS login is not available" page still serve, and taking
 * every instance out because a third party is down would make it worse. The configuration needs
 * no check here: the server does not start without a valid one.
 */
export function portalReadiness(): Promise<ReadinessReport> {
  probe ??= readinessProbe({
    sessionStore: {
      essential: true,
      check: () => sessionStore().ping(),
      timeoutMs: storeTimeoutMs(),
      cacheMs: STORE_CACHE_MS,
    },
    nhsLogin: {
      essential: false,
      check: async () => {
        const { issuer, timeoutMs } = getConfig().nhsLogin;
        await fetchNhsLoginMetadata(issuer, timeoutMs);
      },
      timeoutMs: getConfig().nhsLogin.timeoutMs,
      cacheMs: NHS_LOGIN_CACHE_MS,
    },
  });
  return probe();
}

let probe: (() => Promise<ReadinessReport>) | undefined;

function storeTimeoutMs(): number {
  const where = getConfig().sessionStore;
  return where.kind === "redis" ? where.timeoutMs : 1_000;
}
