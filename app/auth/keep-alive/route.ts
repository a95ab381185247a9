import { NextResponse, type NextRequest } from "next/server";
import { usesSecureCookies } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { portalCookieOptions } from "@/lib/cookies";
import { isSameOriginRequest } from "@/lib/same-origin";
import { currentSession } from "@/lib/session/current";
import {
  encodeSessionCookie,
  evaluateSession,
  nowSeconds,
  sessionCookieName,
} from "@/lib/session/session";

/** "Stay logged in": counts as activity, so the inactivity limit starts again. */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const state = await currentSession();
  if (state.status !== "active") {
    return NextResponse.json({ status: state.status }, { status: 401 });
  }
  const session = { ...state.session, lastActiveAt: nowSeconds() };
  const renewed = evaluateSession(session, config.session);
  if (renewed.status !== "active")
    return NextResponse.json({ status: renewed.status }, { status: 401 });
  const secure = usesSecureCookies(config);
  const response = NextResponse.json({ secondsLeft: renewed.idleExpiresAt - nowSeconds() });
  response.cookies.set(
    sessionCookieName(secure),
    await encodeSessionCookie(session, config.auth.secret, config.session),
    portalCookieOptions(secure),
  );
  response.headers.set("cache-control", "no-store");
  return response;
}
