import type { EndReason, TimeLimit } from "./rules";

/**
 * What a store keeps for one session. The times the limits need are kept in the clear, so the
 * store can expire and refresh them in one atomic step; everything about the person is `data`,
 * sealed by the session module before it reaches the store.
 */
export interface StoredSession {
  /** A keyed hash of the person's NHS login `sub`, to find all their sessions. */
  account: string;
  /**
   * When the person last authenticated with NHS login: the absolute limit counts from here, and
   * a log-in through single sign-on keeps the clock of the session it replaces.
   */
  authenticatedAt: number;
  lastActiveAt: number;
  data: string;
  /** Shown once on the next page (why the person had to log in again), then removed. */
  notice?: string;
  /**
   * What calling NHS APIs as this person needs kept (lib/nhs-api-session.ts: the API platform's
   * token, whether their record is restricted), sealed: apart from `data`, so that renewing the
   * token every ten minutes does not rewrite the rest.
   */
  apiSlot?: string;
}

export type TouchResult =
  | { status: "active"; session: StoredSession }
  /** Reached a time limit just now: the record is gone. */
  | { status: "limit-reached"; limit: TimeLimit }
  /** Ended on purpose: a short-lived marker that says why. */
  | { status: "ended"; reason: EndReason }
  /** No such session: never created, expired by its time limits, or its marker has gone too. */
  | { status: "missing" };

export interface TouchOptions {
  now: number;
  /** Record activity even if the last record is fresh ("Stay logged in"). */
  force?: boolean;
}

/** What ending a session found: whether it was still active until now. */
export type EndResult = "ended" | "not-active";

/**
 * Sessions on the server, by key (`sessionKey`: the account's tag and a hash of the session id;
 * the store never sees the id the cookie carries). Every operation that two requests could race
 * is atomic in the store, and touches the keys of one account only.
 */
export interface SessionStore {
  readonly kind: "memory" | "redis";
  /** Whether the store is reachable as far as this process knows, without asking it. */
  isAvailable(): boolean;
  /** Waits, at most this long, for the store to be reachable; says whether it is. */
  whenAvailable(timeoutMs: number): Promise<boolean>;
  /**
   * Keeps a new session. Beyond the per-account cap, the account's oldest sessions end
   * (`crowded-out`); returns how many did.
   */
  create(key: string, session: StoredSession): Promise<number>;
  /** Reads a session, applies the time limits and records this request as activity. */
  touch(key: string, options: TouchOptions): Promise<TouchResult>;
  /** The session's API slot (sealed), if the session is active and has one. */
  readApiSlot(key: string): Promise<string | undefined>;
  /** Keeps (or with `undefined`, empties) the API slot of a session that is still active. */
  writeApiSlot(key: string, sealed: string | undefined): Promise<void>;
  /**
   * Runs `work` alone among the work for this key, across every instance sharing the store: a
   * second caller waits for the first, at most `holdMs` (how long the work may take), then runs.
   */
  exclusive<T>(key: string, work: () => Promise<T>, holdMs?: number): Promise<T>;
  /**
   * Claims a name once, for the given time, across every instance: true the first time only.
   * What a sign-in's `state` is used up with, so a callback cannot be replayed.
   */
  claim(name: string, ttlSeconds: number): Promise<boolean>;
  /** Ends one session, leaving a marker with the reason for as long as it could have idled. */
  end(key: string, reason: EndReason): Promise<EndResult>;
  /**
   * Ends a session because `replacement` (a session of the same account) takes its place in the
   * same browser. If another replacement had already taken it (two callbacks finishing at once,
   * or a response that never reached the browser), that one is ended too: the browser holds at
   * most one of them, and the other would live on out of reach of log-out.
   */
  replace(key: string, replacement: string): Promise<{ orphanEnded: boolean }>;
  /** Ends every session of an account; returns how many were active. */
  endAll(account: string, reason: EndReason): Promise<number>;
  /** Answers only when the store does (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A session's key in the store: its account, as a tag (Redis Cluster keeps every key with the
 * same `{tag}` in one hash slot, so one account's sessions and index can change together), then a
 * hash of the session id.
 */
export function sessionKey(account: string, idHash: string): string {
  return `{${account}}${idHash}`;
}

/** The account a session key belongs to. */
export function accountOfKey(key: string): string {
  const close = key.indexOf("}");
  return key.startsWith("{") && close > 1 ? key.slice(1, close) : "";
}

/** The store could not be reached or did not answer in time: not the same as "no session". */
export class SessionStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The session store is unavailable", { cause });
    this.name = "SessionStoreUnavailableError";
  }
}

/**
 * Recognises the error by name: the route gate and the app are compiled separately and share
 * one store (lib/session/current.ts), so an error may come from the other copy of the class.
 */
export function isSessionStoreUnavailable(error: unknown): boolean {
  return error instanceof Error && error.name === "SessionStoreUnavailableError";
}

/** How long exclusive work may hold its lock, unless its caller says. */
export const EXCLUSIVE_HOLD_MS = 15_000;
