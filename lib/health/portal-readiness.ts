import { getConfig } from "../config";
import { fetchNhsLoginMetadata } from "../nhs-login/metadata";
import { sessionStore } from "../session/current";
import { readinessProbe } from "./readiness";

/**
 * This portal's readiness. Without its configuration or its session store it cannot serve, and
 * a load balancer should send people elsewhere. NHS login not answering (a fresh read of its
 * discovery document, with NHS_LOGIN_TIMEOUT_MS) only degrades it: public pages and the "NHS
 * login is not available" page still serve, and taking every instance out of the load balancer
 * because a third party is down would make it worse.
 */
export const portalReadiness = readinessProbe(
  {
    configuration: { essential: true, check: async () => void getConfig() },
    sessionStore: { essential: true, check: () => sessionStore().ping() },
    nhsLogin: {
      essential: false,
      check: async () => {
        const { issuer, timeoutMs } = getConfig().nhsLogin;
        await fetchNhsLoginMetadata(issuer, timeoutMs);
      },
    },
  },
  { cacheMs: 5_000, timeoutMs: 30_000 },
);
