import type { NextRequest, NextResponse } from "next/server";
import { clearCookie, cookieName, setCookie } from "../cookies";

/**
 * The mark a log-out, or a session that ended, leaves in the browser: the next log-in here must
 * be a fresh one, not NHS login's single sign-on handing back the previous person's. It holds
 * when the requirement began (the portal's clock) and, after a log-out, the `auth_time` of the
 * log-in that ended (NHS login's clock), and is removed only once a fresh log-in has succeeded.
 */
export interface Reauthentication {
  since: number;
  after?: number;
}

const VALUE = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

export function reauthenticationRequired(
  request: NextRequest,
  secure: boolean,
): Reauthentication | undefined {
  const match = VALUE.exec(request.cookies.get(cookieName("reauthenticate", secure))?.value ?? "");
  if (!match) return undefined;
  return { since: Number(match[1]), ...(match[2] ? { after: Number(match[2]) } : {}) };
}

export function requireReauthentication(
  response: NextResponse,
  { since, after }: Reauthentication,
  secure: boolean,
): void {
  setCookie(
    response,
    "reauthenticate",
    after === undefined ? `${since}` : `${since}.${after}`,
    secure,
  );
}

export function reauthenticated(response: NextResponse, secure: boolean): void {
  clearCookie(response, "reauthenticate", secure);
}
