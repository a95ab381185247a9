import { memorySessionStore } from "@/lib/session/memory-store";
import { redisClientFor } from "@/lib/session/redis-clients";
import { redisSessionStore } from "@/lib/session/redis-store";
import type { RedisTopology } from "@/lib/session/redis-topology";
import {
  DEFAULT_SESSION_BOUNDS,
  type SessionBounds,
  type SessionLimits,
} from "@/lib/session/rules";
import type { SessionStore } from "@/lib/session/store";

/** NHS login's own limits, for tests that are not about them. */
export const NHS_LOGIN_LIMITS: SessionLimits = { idleTimeoutSeconds: 1800, maxAgeSeconds: 43200 };

/** The portal's default store deadline. */
export const STORE_TIMEOUT_MS = 2_000;

/** The session stores as the portal makes them, with the portal's defaults unless told. */
export function memoryStore(
  limits: SessionLimits = NHS_LOGIN_LIMITS,
  bounds: Partial<SessionBounds> = {},
): SessionStore {
  return memorySessionStore(limits, { ...DEFAULT_SESSION_BOUNDS, ...bounds });
}

/** A store on one Redis server by URL, or on any topology. */
export function redisStore(
  where: string | RedisTopology,
  limits: SessionLimits = NHS_LOGIN_LIMITS,
  options: Partial<SessionBounds> & { timeoutMs?: number } = {},
): SessionStore {
  const { timeoutMs = STORE_TIMEOUT_MS, ...bounds } = options;
  const topology: RedisTopology =
    typeof where === "string" ? { kind: "server", url: where, tls: undefined } : where;
  return redisSessionStore({
    open: redisClientFor(topology, timeoutMs),
    limits,
    bounds: { ...DEFAULT_SESSION_BOUNDS, ...bounds },
    timeoutMs,
  });
}
