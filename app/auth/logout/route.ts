import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { clearCookie } from "@/lib/cookies";
import { log } from "@/lib/log";
import { publicUrl } from "@/lib/public-url";
import { isSameOriginRequest } from "@/lib/same-origin";
import { accountSwitchCookie, sessionCookie, sessions } from "@/lib/session/current";
import { nowSeconds } from "@/lib/session/rules";
import { isSessionStoreUnavailable } from "@/lib/session/store";
import { serviceUnavailable } from "@/lib/sign-in/outcomes";
import { requireReauthentication } from "@/lib/sign-in/reauthentication";

/**
 * Log-out ends the session on the server, so a copy of the cookie is worthless afterwards, and
 * any log-in as someone else still waiting to be confirmed goes with it. With
 * `scope=everywhere`, every session of the person's NHS login account ends, on every device, and
 * the page says so only when that happened. NHS login has no log-out for partners: the next
 * log-in in this browser asks it for a fresh one.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const secure = config.auth.secureCookies;
  const form = await request.formData().catch(() => null);
  const everywhere = form?.get("scope") === "everywhere";
  const [state, pending] = await Promise.all([
    sessions().read(sessionCookie(request.cookies)),
    sessions().read(accountSwitchCookie(request.cookies)),
  ]);

  // Nobody is told every device is logged out unless it is so.
  if (everywhere && state.status === "unavailable") {
    return serviceUnavailable(request, "log-out-everywhere");
  }
  let recorded = state.status !== "unavailable";
  try {
    if (everywhere && state.status === "active") {
      await sessions().endEverywhere(state.session.patient.sub);
    } else if (state.status === "active") {
      await sessions().end(state.key, "logged-out");
    }
  } catch (error) {
    if (!isSessionStoreUnavailable(error)) throw error;
    if (everywhere) return serviceUnavailable(request, "log-out-everywhere");
    recorded = false;
  }
  // This browser is logged out all the same; an unrecorded session ends at its idle deadline.
  if (!recorded) log("error", "log-out-not-recorded", { sessionState: state.status });
  if (pending.status === "active") {
    await sessions()
      .end(pending.key, "logged-out")
      .catch((error: unknown) => {
        if (!isSessionStoreUnavailable(error)) throw error;
      });
  }
  const page = everywhere
    ? `/auth/logged-out?everywhere=${state.status === "active" ? "true" : "ended-already"}`
    : "/auth/logged-out";

  const response = NextResponse.redirect(publicUrl(page, request, config.auth.url), 303);
  clearCookie(response, "session", secure);
  clearCookie(response, "accountSwitch", secure);
  const after = state.status === "active" ? state.session.authTime : undefined;
  requireReauthentication(response, { since: nowSeconds(), after });
  response.headers.set("cache-control", "no-store");
  return response;
}
