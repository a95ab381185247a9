/**
 * NHS login's session rules for web services: a fresh log-in after 30 minutes without activity
 * and after 12 hours however active (by default). Times are whole seconds since the epoch.
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
  | "replaced";

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The limit a session has reached at `now`, if any. */
export function limitReached(
  signedInAt: number,
  lastActiveAt: number,
  limits: SessionLimits,
  now: number,
): TimeLimit | undefined {
  if (now - signedInAt >= limits.maxAgeSeconds) return "max-age";
  if (now - lastActiveAt >= limits.idleTimeoutSeconds) return "idle";
  return undefined;
}

/** When the session ends unless there is more activity: never after the absolute limit. */
export function idleDeadline(
  signedInAt: number,
  lastActiveAt: number,
  limits: SessionLimits,
): number {
  return Math.min(lastActiveAt + limits.idleTimeoutSeconds, signedInAt + limits.maxAgeSeconds);
}

/**
 * How stale the recorded activity may get before a request writes it again: a minute, or a
 * tenth of a shortened limit. Writing on every request would cost a store write each time.
 */
export function activityResolutionSeconds(limits: SessionLimits): number {
  return Math.max(1, Math.min(60, Math.floor(limits.idleTimeoutSeconds / 10)));
}
