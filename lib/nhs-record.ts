/**
 * What the portal's pages read from NHS England's APIs: the person's NHS record (PDS, as the
 * person) and a GP surgery (ODS). Each read takes the reference its page shows if it fails; the
 * client logs the call under it.
 */
import { getConfig } from "./config";
import { log } from "./log";
import {
  nhsRecordView,
  surgeryView,
  type ApiResult,
  type NhsApiClient,
  type NhsRecordView,
  type SurgeryView,
} from "./nhs-api";
import { apiSession, nhsApi, type ApiSlot } from "./nhs-api-session";
import type { ActiveSession } from "./page-access";
import { sessions } from "./session/current";

export interface Platform {
  api: NhsApiClient;
  slot: ApiSlot;
}

/**
 * The process's client and session store. A renewal may make two calls to the platform (a
 * refresh that fails, then an exchange), so another request waits for it that long at most.
 */
export function portalPlatform(): Platform {
  const { nhsApi: platform } = getConfig();
  const holdMs =
    platform.status === "configured" ? 2 * platform.settings.timeoutMs + 1_000 : undefined;
  const store = sessions();
  return {
    api: nhsApi(),
    slot: {
      readApiSlot: store.readApiSlot,
      writeApiSlot: store.writeApiSlot,
      exclusive: (key, work) => store.exclusive(key, work, holdMs),
    },
  };
}

/**
 * The person's NHS record as they may see it. Whether it is restricted is kept in the session,
 * for the pages that show contact details from NHS login.
 */
export async function readNhsRecord(
  active: ActiveSession,
  reference: string,
  { api, slot }: Platform = portalPlatform(),
): Promise<ApiResult<NhsRecordView>> {
  const { patient, nhsLogin } = active.session;
  // NHS login shares an NHS number at P9 always; without one there is no record to read.
  if (!patient.nhsNumber) return { ok: false, failure: { reason: "not-found" } };
  const session = apiSession(slot, active.key, nhsLogin.idToken, active);
  const result = await api.readPatient({
    session: session.tokenSession,
    nhsNumber: patient.nhsNumber,
    reference,
  });
  if (!result.ok) return result;
  const view = nhsRecordView(result.value, patient);
  try {
    await session.rememberRestricted(view.restricted);
  } catch {
    // Not kept: the next page that needs to know asks PDS again, and shows nothing until then.
    log("warn", "nhs-record-restriction-not-kept", { reference });
  }
  return { ok: true, value: view };
}

/** A GP surgery's name, address and phone number from the Organisation Data Service. */
export async function readSurgery(
  odsCode: string,
  reference: string,
): Promise<ApiResult<SurgeryView>> {
  const result = await nhsApi().readOrganization({ odsCode, reference });
  return result.ok ? { ok: true, value: surgeryView(result.value) } : result;
}

/**
 * A new log-in for a person who is logged in, to get a fresh ID token from NHS login (its own
 * session usually spares them entering anything); then back to `path`.
 */
export function logInAgainHref(path: string): string {
  return `/auth/sign-in?${new URLSearchParams({ returnTo: path, renew: "1" })}`;
}
