/**
 * NHS login's session rules for web services: a fresh log-in after 30 minutes without activity
 * and 12 hours after the person last authenticated, however active (by default). Times are whole
 * seconds since the epoch.
 */
export interface SessionLimits {
  idleTimeoutSeconds: number;
  maxAgeSeconds: number;
}

export type TimeLimit = "idle" | "max-age";

/** Why a session ended: one of the time limits, or something the person or the portal did. */
export type EndReason =
  | TimeLimit
  /** The person logged out in this browser. */
  | "logged-out"
  /** The person chose "log out of all devices" somewhere. */
  | "everywhere"
  /** A new log-in (or an uplift) replaced it: a fresh session id every time. */
  | "replaced"
  /** The account logged in on more devices than the cap allows, and this was the oldest. */
  | "crowded-out";

/** How much one account, and one process's memory, may hold. */
export interface SessionBounds {
  /** Sessions of one NHS login account at once; a new one ends the oldest beyond it. */
  maxPerAccount: number;
  /** Sessions a memory store keeps (one instance): beyond it, the least recently used go. */
  maxInMemory: number;
}

export const DEFAULT_SESSION_BOUNDS: SessionBounds = { maxPerAccount: 10, maxInMemory: 10_000 };

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The limit a session has reached at `now`, if any. */
export function limitReached(
  authenticatedAt: number,
  lastActiveAt: number,
  limits: SessionLimits,
  now: number,
): TimeLimit | undefined {
  if (now - authenticatedAt >= limits.maxAgeSeconds) return "max-age";
  if (now - lastActiveAt >= limits.idleTimeoutSeconds) return "idle";
  return undefined;
}

/** When the session ends unless there is more activity: never after the absolute limit. */
export function idleDeadline(
  authenticatedAt: number,
  lastActiveAt: number,
  limits: SessionLimits,
): number {
  return Math.min(lastActiveAt + limits.idleTimeoutSeconds, authenticatedAt + limits.maxAgeSeconds);
}

/**
 * How stale the recorded activity may get before a request writes it again: a minute, or a
 * tenth of a shortened limit. Writing on every request would cost a store write each time.
 */
export function activityResolutionSeconds(limits: SessionLimits): number {
  return Math.max(1, Math.min(60, Math.floor(limits.idleTimeoutSeconds / 10)));
}

/**
 * When a new session's absolute limit starts: the person's last real authentication. A log-in
 * that NHS login was asked to make fresh, and that was checked to be, starts it at its
 * `auth_time`. Any other (single sign-on: "log in again" to renew, an uplift, a log-in from the
 * NHS App) keeps the earliest of NHS login's `auth_time` and the clock of the same person's
 * session it replaces, so that however often a person logs in again that way, they authenticate
 * afresh within the limit.
 */
export function authenticationClock(options: {
  now: number;
  /** NHS login's `auth_time` (or, without one, when the ID token was issued). */
  authTime: number;
  fresh: boolean;
  /** The clock of the session this one replaces, when it is the same person's. */
  replacing?: number;
}): number {
  const { now, authTime, fresh, replacing } = options;
  return Math.min(now, authTime, fresh ? now : (replacing ?? now));
}
