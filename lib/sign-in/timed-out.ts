import type { SessionLimits, TimeLimit } from "../session/rules";
import type { Notice } from "../session/sessions";

/**
 * NHS login's session rules end a session after inactivity or at the absolute limit, then send
 * the person straight back to NHS login to authenticate again. Once they are back, a one-time
 * notice tells them why they had to.
 */
export function parseTimeoutReason(value: string | null | undefined): TimeLimit | undefined {
  return value === "idle" || value === "max-age" ? value : undefined;
}

export function explainTimeout(reason: Notice, limits: SessionLimits): string {
  switch (reason) {
    case "max-age":
      return `you had been logged in for ${describeDuration(limits.maxAgeSeconds)}`;
    case "idle":
      return `you had not done anything for ${describeDuration(limits.idleTimeoutSeconds)}`;
    case "everywhere":
      return "you chose to log out of all devices";
  }
}

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} ${seconds === 3600 ? "hour" : "hours"}`;
  if (seconds % 60 === 0) return `${seconds / 60} ${seconds === 60 ? "minute" : "minutes"}`;
  return `${seconds} seconds`;
}
