import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { isSameOriginRequest } from "@/lib/same-origin";
import { sessionCookie, sessions } from "@/lib/session/current";
import { nowSeconds } from "@/lib/session/rules";

/** "Stay logged in": counts as activity, so the inactivity limit starts again. */
export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(request, getConfig().auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const state = await sessions().read(sessionCookie(request.cookies), { keepAlive: true });
  const headers = { "cache-control": "no-store" };
  if (state.status === "unavailable") {
    return NextResponse.json({ status: state.status }, { status: 503, headers });
  }
  if (state.status !== "active") {
    return NextResponse.json({ status: state.status }, { status: 401, headers });
  }
  return NextResponse.json({ secondsLeft: state.idleExpiresAt - nowSeconds() }, { headers });
}
