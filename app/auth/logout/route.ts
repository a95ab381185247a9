import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { clearCookie } from "@/lib/cookies";
import { log, requestReference } from "@/lib/log";
import {
  forgetPendingLogOut,
  LOGGED_OUT_PATH,
  pendingLogOut,
  rememberPendingLogOut,
  reportLogOut,
  type LogOutOutcome,
  type PendingLogOut,
} from "@/lib/log-out";
import { publicUrl } from "@/lib/public-url";
import { isSameOriginRequest } from "@/lib/same-origin";
import { accountSwitchCookie, sessionCookie, sessions } from "@/lib/session/current";
import { nowSeconds } from "@/lib/session/rules";
import type { SessionState } from "@/lib/session/sessions";
import { isSessionStoreUnavailable } from "@/lib/session/store";
import { serviceUnavailable } from "@/lib/sign-in/outcomes";
import { requireReauthentication } from "@/lib/sign-in/reauthentication";

/**
 * Log-out ends the session on the server, so a copy of the cookie is worthless afterwards, and
 * any log-in as someone else still waiting to be confirmed goes with it. With
 * `scope=everywhere`, every session of the person's NHS login account ends, on every device.
 * The logged-out page says only what was done: when the session store cannot be reached, this
 * browser forgets the session all the same but is told that it did not end, and may try again
 * (docs/decisions/0015). NHS login has no log-out for partners: the next log-in in this browser
 * asks it for a fresh one.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const form = await request.formData().catch(() => null);
  const everywhere = form?.get("scope") === "everywhere";
  const [state, waitingSwitch] = await Promise.all([
    sessions().read(sessionCookie(request.cookies)),
    sessions().read(accountSwitchCookie(request.cookies)),
  ]);

  let outcome: LogOutOutcome;
  const unended = sessionToEnd(request, state, config.session.maxAgeSeconds);
  try {
    if (everywhere) {
      // Nobody is told every device is logged out unless it is so.
      if (state.status === "unavailable") return serviceUnavailable(request, "log-out-everywhere");
      outcome = { kind: "everywhere-unreached" };
      if (state.status === "active") {
        await sessions().endEverywhere(state.session.patient.sub);
        outcome = { kind: "everywhere" };
      }
    } else {
      if (unended) await sessions().end(unended.key, "logged-out");
      outcome = { kind: "logged-out" };
    }
  } catch (error) {
    if (!isSessionStoreUnavailable(error)) throw error;
    if (everywhere) return serviceUnavailable(request, "log-out-everywhere");
    outcome = { kind: "not-ended", reference: requestReference() };
  }
  if (waitingSwitch.status === "active") {
    await sessions()
      .end(waitingSwitch.key, "logged-out")
      .catch((error: unknown) => {
        if (!isSessionStoreUnavailable(error)) throw error;
      });
  }

  const response = NextResponse.redirect(publicUrl(LOGGED_OUT_PATH, request, config.auth.url), 303);
  reportLogOut(response, outcome);
  if (outcome.kind === "not-ended" && unended) {
    log("error", "log-out-not-recorded", { reference: outcome.reference });
    sessions().endLater(unended.key, "logged-out", unended.endsBy);
    rememberPendingLogOut(response, unended);
  } else {
    forgetPendingLogOut(response);
  }
  const secure = config.auth.secureCookies;
  clearCookie(response, "session", secure);
  clearCookie(response, "accountSwitch", secure);
  const after = state.status === "active" ? state.session.authTime : undefined;
  requireReauthentication(response, { since: nowSeconds(), after });
  response.headers.set("cache-control", "no-store");
  return response;
}

/** The session this log-out ends: this browser's, or one an earlier log-out here could not end. */
function sessionToEnd(
  request: NextRequest,
  state: SessionState,
  maxAgeSeconds: number,
): PendingLogOut | undefined {
  switch (state.status) {
    case "active":
      return { key: state.key, endsBy: state.session.authenticatedAt + maxAgeSeconds };
    case "unavailable":
      return { key: state.key, endsBy: state.endsBy };
    default:
      return pendingLogOut(request);
  }
}
