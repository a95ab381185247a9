import { LRUCache } from "lru-cache";
import {
  activityResolutionSeconds,
  idleDeadline,
  limitReached,
  type EndReason,
  type SessionLimits,
} from "./rules";
import type { SessionStore, StoredSession, TouchOptions, TouchResult } from "./store";

type Entry = { session: StoredSession } | { ended: EndReason };

/** More sessions than this in one process means it should have been Redis all along. */
const MAX_SESSIONS = 10_000;
const PURGE_INTERVAL_MS = 60_000;

/**
 * Sessions in this process's memory: for `npm run dev`, one instance and the tests. Bounded
 * (the least recently used session goes first) and expiring like Redis keys do.
 */
export function memorySessionStore(limits: SessionLimits): SessionStore {
  const byAccount = new Map<string, Set<string>>();
  const queues = new Map<string, Promise<unknown>>();
  const claimed = new LRUCache<string, true>({ max: MAX_SESSIONS });
  const entries = new LRUCache<string, Entry>({
    max: MAX_SESSIONS,
    dispose: (entry, key) => {
      if ("session" in entry) unindex(entry.session.account, key);
    },
  });
  const purge = setInterval(() => {
    entries.purgeStale();
    claimed.purgeStale();
  }, PURGE_INTERVAL_MS);
  purge.unref();

  function unindex(account: string, key: string) {
    const keys = byAccount.get(account);
    keys?.delete(key);
    if (keys?.size === 0) byAccount.delete(account);
  }

  function remember(key: string, session: StoredSession) {
    const deadline = idleDeadline(session.signedInAt, session.lastActiveAt, limits);
    entries.set(key, { session }, { ttl: Math.max(1, deadline * 1000 - Date.now()) });
    let keys = byAccount.get(session.account);
    if (!keys) byAccount.set(session.account, (keys = new Set()));
    keys.add(key);
  }

  function markEnded(key: string, reason: EndReason) {
    entries.set(key, { ended: reason }, { ttl: limits.idleTimeoutSeconds * 1000 });
  }

  return {
    kind: "memory",
    isAvailable: () => true,
    whenAvailable: async () => true,
    async create(key, session) {
      remember(key, session);
    },
    async touch(key, { now, force }: TouchOptions): Promise<TouchResult> {
      const entry = entries.get(key);
      if (!entry) return { status: "missing" };
      if ("ended" in entry) return { status: "ended", reason: entry.ended };
      const { session } = entry;
      const limit = limitReached(session.signedInAt, session.lastActiveAt, limits, now);
      if (limit) {
        entries.delete(key);
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
      const entry = entries.get(key);
      return entry && "session" in entry ? entry.session.apiSlot : undefined;
    },
    async writeApiSlot(key, sealed) {
      const entry = entries.get(key);
      if (!entry || !("session" in entry)) return;
      const session = { ...entry.session, apiSlot: sealed };
      if (sealed === undefined) delete session.apiSlot;
      remember(key, session);
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
      if (entries.has(key)) markEnded(key, reason);
    },
    async endAll(account, reason) {
      const active = [...(byAccount.get(account) ?? [])].filter((key) => {
        const entry = entries.get(key);
        return entry !== undefined && "session" in entry;
      });
      for (const key of active) markEnded(key, reason);
      return active.length;
    },
    async ping() {},
    async close() {
      clearInterval(purge);
      entries.clear();
      claimed.clear();
    },
  };
}
