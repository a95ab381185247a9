import { NextResponse, type NextRequest } from "next/server";
import { safeReturnTo } from "@/lib/access";
import { getConfig } from "@/lib/config";
import { clearCookie, setCookie } from "@/lib/cookies";
import { publicUrl } from "@/lib/public-url";
import { isSameOriginRequest } from "@/lib/same-origin";
import { accountSwitchCookie, sessionCookie, sessions } from "@/lib/session/current";
import { isSessionStoreUnavailable } from "@/lib/session/store";
import { serviceUnavailable } from "@/lib/sign-in/outcomes";

/** The person's answer on the switch-account page: keep the session they had, or switch. */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const secure = config.auth.secureCookies;
  const form = await request.formData().catch(() => null);
  const switching = form?.get("choice") === "switch";
  const returnTo = safeReturnTo(String(form?.get("returnTo") ?? ""), "/profile");
  const pendingCookie = accountSwitchCookie(request.cookies);
  try {
    const [current, pending] = await Promise.all([
      sessions().read(sessionCookie(request.cookies)),
      sessions().read(pendingCookie),
    ]);
    if (current.status === "unavailable" || pending.status === "unavailable") {
      return serviceUnavailable(request, "account-switch");
    }
    // Switching needs both sessions still there (a log-out in between ends the waiting one, and
    // without the current one there is nobody to confirm); anything else keeps what there was.
    const switched = switching && pending.status === "active" && current.status === "active";
    const dropped = switched ? current : pending;
    if (dropped.status === "active") await sessions().end(dropped.key, "replaced");
    const destination = switched ? returnTo : current.status === "active" ? "/profile" : "/";
    const response = NextResponse.redirect(publicUrl(destination, request, config.auth.url), 303);
    clearCookie(response, "accountSwitch", secure);
    if (switched && pendingCookie) setCookie(response, "session", pendingCookie, secure);
    response.headers.set("cache-control", "no-store");
    return response;
  } catch (error) {
    if (isSessionStoreUnavailable(error)) {
      return serviceUnavailable(request, "account-switch");
    }
    throw error;
  }
}
