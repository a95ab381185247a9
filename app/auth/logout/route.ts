import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { clearCookie } from "@/lib/cookies";
import { log } from "@/lib/log";
import { publicUrl } from "@/lib/public-url";
import { isSameOriginRequest } from "@/lib/same-origin";
import { sessionCookie, sessions } from "@/lib/session/current";
import { nowSeconds } from "@/lib/session/rules";
import { isSessionStoreUnavailable } from "@/lib/session/store";
import { requireReauthentication } from "@/lib/sign-in/reauthentication";

/**
 * Log-out ends the session on the server, so a copy of the cookie is worthless afterwards; with
 * `scope=everywhere`, every session of the person's NHS login account ends, on every device.
 * NHS login has no log-out for partners: the next log-in in this browser asks it for a fresh one.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const form = await request.formData().catch(() => null);
  const everywhere = form?.get("scope") === "everywhere";
  const state = await sessions().read(sessionCookie(request.cookies));
  if (state.status === "active") {
    try {
      if (everywhere) await sessions().endEverywhere(state.session.patient.sub);
      else await sessions().end(state.key, "logged-out");
    } catch (error) {
      if (!isSessionStoreUnavailable(error)) throw error;
      // This browser is logged out all the same; the record ends at its idle deadline.
      log("error", "log-out-not-recorded", { everywhere });
    }
  }
  const page = everywhere ? "/auth/logged-out?everywhere=true" : "/auth/logged-out";
  const after = state.status === "active" ? state.session.authTime : undefined;
  const response = NextResponse.redirect(publicUrl(page, request, config.auth.url), 303);
  const secure = config.auth.secureCookies;
  clearCookie(response, "session", secure);
  requireReauthentication(response, { since: nowSeconds(), after }, secure);
  response.headers.set("cache-control", "no-store");
  return response;
}
