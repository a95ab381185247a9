import type { Patient } from "./nhs-login/claims";
import { meetsLevel, type Level } from "nhs-login-vocabulary";

/**
 * What a logged-in person must do to open a page at a level: nothing, prove who they are (NHS
 * login checks their identity), or only confirm it's them (they have been verified that high
 * before, just not in this log-in).
 */
export type UpliftStep = "none" | "prove" | "confirm";

export function upliftStep(
  patient: Pick<Patient, "level" | "highestLevel">,
  needed: Level,
): UpliftStep {
  if (meetsLevel(patient.level, needed)) return "none";
  return patient.highestLevel && meetsLevel(patient.highestLevel, needed) ? "confirm" : "prove";
}

/** The uplift page's heading, and what the portal says wherever it offers that page. */
export const UPLIFT_HEADING = {
  prove: "You need to prove who you are",
  confirm: "You need to confirm it's you",
} as const satisfies Record<Exclude<UpliftStep, "none">, string>;

/**
 * The uplift page for a page the person cannot see yet, or, with `level`, for what a page they
 * can see shows only at a higher level.
 */
export function upliftHref(returnTo: string, level?: Level): string {
  return `/auth/uplift?${new URLSearchParams({ returnTo, ...(level ? { level } : {}) })}`;
}
