/**
 * The one decision "may this page show the person's contact and location details": their
 * address, phone numbers, email addresses and GP surgery, from PDS or from NHS login alike.
 *
 * Some people's NHS records are restricted because they must not be found. Only PDS can say so,
 * and only to a P9 log-in, so for a P9 person nothing is shown until PDS has said, once per
 * session (docs/decisions/0012). Below P9, or with no API platform configured, the portal cannot
 * know, and shows what NHS login shared.
 */
import { requestReference } from "./log";
import { isNoPlatform, type ApiFailure } from "./nhs-api";
import { apiSession } from "./nhs-api-session";
import { portalPlatform, readNhsRecord, type Platform } from "./nhs-record";
import type { ActiveSession } from "./page-access";

/**
 * `restricted`: the NHS record is. `no-record`: PDS has no record it can show for the NHS number
 * (not found, invalidated or superseded). `unchecked`: PDS could not be asked just now.
 * `login-expired`: it cannot be asked until the person logs in again.
 */
export type HiddenReason = "restricted" | "no-record" | "unchecked" | "login-expired";

export type ContactDetails = { shown: true } | { shown: false; because: HiddenReason };

const SHOWN: ContactDetails = { shown: true };
const RESTRICTED: ContactDetails = { shown: false, because: "restricted" };

export async function contactDetailsFor(
  active: ActiveSession,
  platform: Platform = portalPlatform(),
): Promise<ContactDetails> {
  if (active.session.patient.level !== "P9") return SHOWN;
  const session = apiSession(platform.slot, active.key, active.session.nhsLogin.idToken, active);
  const known = await session.restricted();
  if (known !== undefined) return known ? RESTRICTED : SHOWN;

  // The client logs a failure under this reference; the page degrades rather than fails.
  const record = await readNhsRecord(active, requestReference(), platform);
  if (record.ok) return record.value.restricted ? RESTRICTED : SHOWN;
  // A deployment without the API platform cannot ask, as below P9: what NHS login shared is shown.
  if (isNoPlatform(record.failure)) return SHOWN;
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
