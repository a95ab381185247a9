import { portalCookieName } from "../cookies";
import type { SessionLimits, TimeoutReason } from "../session/session";

/**
 * NHS login's session rules end a session after inactivity or at the absolute limit, then send
 * the person straight back to NHS login to authenticate again. The reason travels with the
 * sign-in, and once they are back a one-time notice tells them why they had to log in again.
 */
export function parseTimeoutReason(value: string | null | undefined): TimeoutReason | undefined {
  return value === "idle" || value === "max-age" ? value : undefined;
}

export function explainTimeout(reason: TimeoutReason, limits: SessionLimits): string {
  return reason === "max-age"
    ? `you had been logged in for ${describeDuration(limits.maxAgeSeconds)}`
    : `you had not done anything for ${describeDuration(limits.idleTimeoutSeconds)}`;
}

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} ${seconds === 3600 ? "hour" : "hours"}`;
  if (seconds % 60 === 0) return `${seconds / 60} ${seconds === 60 ? "minute" : "minutes"}`;
  return `${seconds} seconds`;
}

/** Set by the callback after a log-in that followed a timeout; read and removed by the proxy. */
export function timedOutNoticeCookieName(secure: boolean): string {
  return portalCookieName("portal.timed-out", secure);
}

/** How the proxy hands the notice to the page it lets through. */
export const TIMED_OUT_NOTICE_HEADER = "x-portal-timed-out";
