/**
 * The one decision "may this page show the person's contact and location details": their
 * address, phone numbers, email addresses and GP surgery, from PDS or from NHS login alike.
 *
 * Some people's NHS records are restricted because they must not be found. Only PDS can say so,
 * and only to a P9 log-in, so for a P9 person nothing is shown until PDS has said, once per
 * session (docs/decisions/0012). A person NHS login has verified to P9 whose log-in is lower may
 * have a restricted record too, and this log-in cannot ask: nothing is shown until they confirm
 * it's them. For anyone never verified to P9, or with no API platform configured, the portal
 * cannot know, and shows what NHS login shared.
 */
import { requestReference } from "./log";
import type { ApiFailure } from "./nhs-api";
import { apiSession } from "./nhs-api-session";
import type { Patient } from "./nhs-login/claims";
import { portalPlatform, readNhsRecord, type Platform } from "./nhs-record";
import type { ActiveSession } from "./page-access";
import type { Level } from "nhs-login-vocabulary";

/**
 * `restricted`: the NHS record is. `no-record`: PDS has no record it can show for the NHS number
 * (not found, invalidated or superseded). `unchecked`: PDS could not be asked just now.
 * `login-expired`: it cannot be asked until the person logs in again. `not-confirmed`: it cannot
 * be asked until the person, verified to P9 before, confirms it's them in this log-in.
 */
export type HiddenReason =
  "restricted" | "no-record" | "unchecked" | "login-expired" | "not-confirmed";

export type ContactDetails = { shown: true } | { shown: false; because: HiddenReason };

/** The level PDS answers the person at: patient access needs a P9 log-in. */
export const CONTACT_DETAILS_LEVEL: Level = "P9";

const SHOWN: ContactDetails = { shown: true };
const RESTRICTED: ContactDetails = { shown: false, because: "restricted" };
const NOT_CONFIRMED: ContactDetails = { shown: false, because: "not-confirmed" };

/**
 * What the person's levels alone decide, with no call to PDS: shown to someone never verified to
 * P9, hidden from someone verified to P9 whose log-in is lower; undefined for a P9 log-in, which
 * must ask PDS.
 */
export function contactDetailsBelowP9(
  patient: Pick<Patient, "level" | "highestLevel">,
): ContactDetails | undefined {
  if (patient.level === CONTACT_DETAILS_LEVEL) return undefined;
  return patient.highestLevel === CONTACT_DETAILS_LEVEL ? NOT_CONFIRMED : SHOWN;
}

export async function contactDetailsFor(
  active: ActiveSession,
  platform: Platform = portalPlatform(),
): Promise<ContactDetails> {
  // A deployment without the API platform can never ask: what NHS login shared is shown.
  if (!platform.api.configured) return SHOWN;
  const decided = contactDetailsBelowP9(active.session.patient);
  if (decided) return decided;
  const session = apiSession(platform.slot, active.key, active.session.nhsLogin.idToken, active);
  const known = await session.restricted();
  if (known !== undefined) return known ? RESTRICTED : SHOWN;

  // The client logs a failure under this reference; the page degrades rather than fails.
  const record = await readNhsRecord(active, requestReference(), platform);
  if (record.ok) return record.value.restricted ? RESTRICTED : SHOWN;
  return { shown: false, because: becauseOf(record.failure.reason) };
}

function becauseOf(reason: ApiFailure["reason"]): HiddenReason {
  switch (reason) {
    case "login-expired":
      return "login-expired";
    case "not-found":
    case "invalidated":
    case "superseded":
      return "no-record";
    default:
      return "unchecked";
  }
}
