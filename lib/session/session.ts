import type { Patient } from "../nhs-login/claims";
import { isLevel } from "nhs-login-vocabulary";
import { portalCookieName } from "../cookies";
import { cookieCodec } from "./codec";

/** What the portal's session cookie holds: never an access or refresh token. */
export interface PortalSession {
  patient: Patient;
  /** The ID token's `jti`: the `code` of an asserted_login_identity. */
  idTokenJti: string;
  /** When the person last authenticated with NHS login (seconds). */
  authTime: number;
  /** When this session began, for the absolute limit (seconds). */
  signedInAt: number;
  /** Last request seen, for the inactivity limit (seconds). */
  lastActiveAt: number;
}

export interface SessionLimits {
  idleTimeoutSeconds: number;
  maxAgeSeconds: number;
}

export type TimeoutReason = "idle" | "max-age";

export type SessionState =
  | { status: "none" }
  | { status: "timed-out"; reason: TimeoutReason }
  | {
      status: "active";
      session: PortalSession;
      /** When the session ends unless there is activity (never after the absolute limit). */
      idleExpiresAt: number;
    };

/** How stale `lastActiveAt` may get before the cookie is written again, at most. */
export const ACTIVITY_RESOLUTION_SECONDS = 60;

export const SESSION_COOKIE_PURPOSE = "session";

export function sessionCookieName(secure: boolean): string {
  return portalCookieName("portal.session", secure);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Applies NHS login's rules for web apps: 30 minutes idle and 12 hours at most, by default. */
export function evaluateSession(
  session: PortalSession,
  limits: SessionLimits,
  now = nowSeconds(),
): SessionState {
  if (now - session.signedInAt >= limits.maxAgeSeconds) {
    return { status: "timed-out", reason: "max-age" };
  }
  if (now - session.lastActiveAt >= limits.idleTimeoutSeconds) {
    return { status: "timed-out", reason: "idle" };
  }
  // This request is activity too: when the proxy records it, the limit starts again from now.
  const lastActive = needsActivityUpdate(session, limits, now) ? now : session.lastActiveAt;
  const idleExpiresAt = Math.min(
    lastActive + limits.idleTimeoutSeconds,
    session.signedInAt + limits.maxAgeSeconds,
  );
  return { status: "active", session, idleExpiresAt };
}

/**
 * Whether the cookie should be rewritten so the inactivity limit slides with this request.
 * Rewriting it on every request would cost an encryption and a Set-Cookie each time, so it is
 * rewritten once it is a minute stale (or a tenth of a shortened limit).
 */
export function needsActivityUpdate(
  session: PortalSession,
  limits: SessionLimits,
  now = nowSeconds(),
): boolean {
  const resolution = Math.max(
    1,
    Math.min(ACTIVITY_RESOLUTION_SECONDS, Math.floor(limits.idleTimeoutSeconds / 10)),
  );
  return now - session.lastActiveAt >= resolution;
}

function isPortalSession(value: unknown): value is PortalSession {
  const candidate = value as Partial<PortalSession> | null;
  return (
    typeof candidate?.patient?.sub === "string" &&
    isLevel(candidate.patient.level) &&
    typeof candidate.idTokenJti === "string" &&
    typeof candidate.signedInAt === "number" &&
    typeof candidate.lastActiveAt === "number" &&
    typeof candidate.authTime === "number"
  );
}

/** Decrypts and checks a session cookie; anything unreadable is no session at all. */
export async function readSessionCookie(
  value: string | undefined,
  secret: string,
  limits: SessionLimits,
): Promise<SessionState> {
  if (!value) return { status: "none" };
  const payload = await cookieCodec(secret, SESSION_COOKIE_PURPOSE).decode(value);
  if (!isPortalSession(payload)) return { status: "none" };
  return evaluateSession(payload, limits);
}

/**
 * The cookie outlives the absolute limit by this much, so that a request just after it can still
 * be told why the session ended instead of finding no session at all.
 */
export const SESSION_COOKIE_GRACE_SECONDS = 60 * 60;

export function encodeSessionCookie(
  session: PortalSession,
  secret: string,
  limits: SessionLimits,
): Promise<string> {
  const remaining = session.signedInAt + limits.maxAgeSeconds - nowSeconds();
  return cookieCodec(secret, SESSION_COOKIE_PURPOSE).encode(
    { ...session },
    Math.max(1, remaining) + SESSION_COOKIE_GRACE_SECONDS,
  );
}
