import { LRUCache } from "lru-cache";
import {
  activityResolutionSeconds,
  idleDeadline,
  limitReached,
  type EndReason,
  type SessionBounds,
  type SessionLimits,
} from "./rules";
import type { EndResult, SessionStore, StoredSession, TouchOptions, TouchResult } from "./store";

interface Marker {
  reason: EndReason;
  /** The session that replaced this one in its browser. */
  by?: string;
}

const PURGE_INTERVAL_MS = 60_000;

/**
 * Sessions in this process's memory: for `npm run dev`, one instance and the tests. Bounded
 * (the least recently used session goes first, and one account holds at most its cap) and
 * expiring like Redis keys do. The markers of ended sessions are kept apart, under the same
 * bound, so that however many sessions end, no live session is pushed out to make room for them.
 */
export function memorySessionStore(limits: SessionLimits, bounds: SessionBounds): SessionStore {
  /** Each account's live sessions, oldest first. */
  const byAccount = new Map<string, Set<string>>();
  const queues = new Map<string, Promise<unknown>>();
  const claimed = new LRUCache<string, true>({ max: bounds.maxInMemory });
  const markers = new LRUCache<string, Marker>({
    max: bounds.maxInMemory,
    ttl: limits.idleTimeoutSeconds * 1000,
  });
  const live = new LRUCache<string, StoredSession>({
    max: bounds.maxInMemory,
    // Not when a session is written again (activity, its API slot): only when it goes.
    dispose: (session, key, reason) => reason !== "set" && unindex(session.account, key),
  });
  const purge = setInterval(() => {
    live.purgeStale();
    markers.purgeStale();
    claimed.purgeStale();
  }, PURGE_INTERVAL_MS);
  purge.unref();

  function unindex(account: string, key: string) {
    const keys = byAccount.get(account);
    keys?.delete(key);
    if (keys?.size === 0) byAccount.delete(account);
  }

  function remember(key: string, session: StoredSession) {
    const deadline = idleDeadline(session.authenticatedAt, session.lastActiveAt, limits);
    live.set(key, session, { ttl: Math.max(1, deadline * 1000 - Date.now()) });
  }

  function endLive(key: string, marker: Marker): EndResult {
    if (!live.has(key)) return "not-active";
    live.delete(key);
    markers.set(key, marker);
    return "ended";
  }

  return {
    kind: "memory",
    isAvailable: () => true,
    whenAvailable: async () => true,
    async create(key, session) {
      markers.delete(key);
      const keys = byAccount.get(session.account) ?? new Set<string>();
      // Room is made first, so that a new session never pushes out someone else's.
      let crowded = 0;
      for (const oldest of [...keys]) {
        if (keys.size < bounds.maxPerAccount) break;
        if (endLive(oldest, { reason: "crowded-out" }) === "ended") crowded++;
        else unindex(session.account, oldest);
      }
      remember(key, session);
      byAccount.set(session.account, keys.add(key));
      return crowded;
    },
    async touch(key, { now, force }: TouchOptions): Promise<TouchResult> {
      const marker = markers.get(key);
      if (marker) return { status: "ended", reason: marker.reason };
      const session = live.get(key);
      if (!session) return { status: "missing" };
      const limit = limitReached(session.authenticatedAt, session.lastActiveAt, limits, now);
      if (limit) {
        live.delete(key);
        return { status: "limit-reached", limit };
      }
      const refresh = force || now - session.lastActiveAt >= activityResolutionSeconds(limits);
      const current = refresh ? { ...session, lastActiveAt: now } : session;
      if (refresh || session.notice !== undefined) {
        const kept = { ...current };
        delete kept.notice;
        remember(key, kept);
      }
      return { status: "active", session: current };
    },
    async readApiSlot(key) {
      return live.get(key)?.apiSlot;
    },
    async writeApiSlot(key, sealed) {
      const session = live.get(key);
      if (!session) return;
      const updated = { ...session, apiSlot: sealed };
      if (sealed === undefined) delete updated.apiSlot;
      remember(key, updated);
    },
    exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
      const before = queues.get(key) ?? Promise.resolve();
      const run = before.then(work, work);
      const settled = run.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => queues.get(key) === settled && queues.delete(key));
      return run;
    },
    async claim(name, ttlSeconds) {
      if (claimed.has(name)) return false;
      claimed.set(name, true, { ttl: ttlSeconds * 1000 });
      return true;
    },
    async end(key, reason) {
      return endLive(key, { reason });
    },
    async replace(key, replacement) {
      if (endLive(key, { reason: "replaced", by: replacement }) === "ended") {
        return { orphanEnded: false };
      }
      const marker = markers.get(key);
      if (marker?.reason !== "replaced") return { orphanEnded: false };
      const other = marker.by;
      markers.set(key, { reason: "replaced", by: replacement });
      const orphanEnded =
        other !== undefined &&
        other !== replacement &&
        endLive(other, { reason: "replaced" }) === "ended";
      return { orphanEnded };
    },
    async endAll(account, reason) {
      const keys = [...(byAccount.get(account) ?? [])];
      return keys.filter((key) => endLive(key, { reason }) === "ended").length;
    },
    async ping() {},
    async close() {
      clearInterval(purge);
      live.clear();
      markers.clear();
      claimed.clear();
    },
  };
}
