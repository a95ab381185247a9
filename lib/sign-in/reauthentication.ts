import type { NextRequest, NextResponse } from "next/server";
import { getConfig } from "../config";
import { clearCookie, cookieMaxAge, cookieName, setCookie } from "../cookies";
import { cookieCodec } from "../session/codec";

/**
 * The mark a log-out, or a session that ended, leaves in the browser: the next log-in here must
 * be a fresh one, not NHS login's single sign-on handing back the previous person's. It holds
 * when the requirement began (the portal's clock) and, after a log-out, the `auth_time` of the
 * log-in that ended (NHS login's clock), sealed so that the next person at a shared computer
 * cannot read when the last one logged in. Only a fresh log-in removes it.
 */
export interface Reauthentication {
  since: number;
  after?: number;
}

function codec() {
  return cookieCodec(getConfig().auth.secrets, "reauthenticate");
}

export function reauthenticationRequired(request: NextRequest): Reauthentication | undefined {
  const secure = getConfig().auth.secureCookies;
  const value = request.cookies.get(cookieName("reauthenticate", secure))?.value;
  if (!value) return undefined;
  const mark = codec().decode(value);
  // A mark that cannot be read (sealed before a secret was rotated) still stands.
  if (typeof mark?.since !== "number") return { since: 0 };
  return { since: mark.since, ...(typeof mark.after === "number" ? { after: mark.after } : {}) };
}

export function requireReauthentication(response: NextResponse, mark: Reauthentication): void {
  const value = codec().encode({ ...mark }, cookieMaxAge("reauthenticate")!);
  setCookie(response, "reauthenticate", value, getConfig().auth.secureCookies);
}

export function reauthenticated(response: NextResponse): void {
  clearCookie(response, "reauthenticate", getConfig().auth.secureCookies);
}
