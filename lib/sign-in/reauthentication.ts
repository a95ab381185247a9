import type { NextRequest, NextResponse } from "next/server";
import { clearCookie, cookieName, setCookie } from "../cookies";

/**
 * The mark a log-out, or a session that ended, leaves in the browser: the next log-in here must
 * be a fresh one, not NHS login's single sign-on handing back the previous person's. It holds
 * when the requirement began, and is removed only once such a log-in has succeeded.
 */
export function reauthenticationRequiredSince(
  request: NextRequest,
  secure: boolean,
): number | undefined {
  const value = request.cookies.get(cookieName("reauthenticate", secure))?.value;
  return value && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

export function requireReauthentication(
  response: NextResponse,
  since: number,
  secure: boolean,
): void {
  setCookie(response, "reauthenticate", String(since), secure);
}

export function reauthenticated(response: NextResponse, secure: boolean): void {
  clearCookie(response, "reauthenticate", secure);
}
