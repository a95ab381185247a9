import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "./config";
import { clearCookie, cookieMaxAge, cookieName, setCookie } from "./cookies";
import { cookieCodec } from "./session/codec";
import { nowSeconds } from "./session/rules";

/**
 * What a log-out did, as the logged-out page tells it. It travels from the log-out to that page
 * in a sealed cookie that the route gate hands to the page once and removes: nobody can craft it,
 * it cannot be sent to someone else as a link, and a later visit to the page says nothing of it.
 */
export type LogOutOutcome =
  | { kind: "logged-out" }
  /** Every session of the person's NHS login account ended, on every device. */
  | { kind: "everywhere" }
  /** "Log out of all devices" from a browser whose session had already ended: nothing reached. */
  | { kind: "everywhere-unreached" }
  /** The session store could not be reached: the session was not ended (yet). */
  | { kind: "not-ended"; reference: string };

export const LOGGED_OUT_PATH = "/auth/logged-out";

/** How the route gate hands the outcome to the page: a request header only it can set. */
export const LOG_OUT_OUTCOME_HEADER = "x-portal-log-out-outcome";

/** A session a log-out could not end: this browser may ask again ("Try again"). */
export interface PendingLogOut {
  key: string;
  /** When the session would have ended anyway: its absolute limit (seconds). */
  endsBy: number;
}

const codec = () => cookieCodec(getConfig().auth.secrets, "log-out");

export function reportLogOut(response: NextResponse, outcome: LogOutOutcome): void {
  const sealed = codec().encode({ ...outcome }, cookieMaxAge("logOutOutcome")!);
  setCookie(response, "logOutOutcome", sealed, getConfig().auth.secureCookies);
}

/**
 * The route gate's part, for the logged-out page: the outcome cookie becomes the page's request
 * header, and the response removes the cookie.
 */
export function handOverLogOutOutcome(request: NextRequest, headers: Headers): NextResponse {
  const secure = getConfig().auth.secureCookies;
  const sealed = request.cookies.get(cookieName("logOutOutcome", secure))?.value;
  if (sealed) headers.set(LOG_OUT_OUTCOME_HEADER, sealed);
  const response = NextResponse.next({ request: { headers } });
  if (sealed) clearCookie(response, "logOutOutcome", secure);
  return response;
}

/** The page's part: the outcome the route gate handed over, if it is one the portal sealed. */
export function openLogOutOutcome(sealed: string | null): LogOutOutcome | undefined {
  const payload = sealed ? codec().decode(sealed) : null;
  switch (payload?.kind) {
    case "logged-out":
    case "everywhere":
    case "everywhere-unreached":
      return { kind: payload.kind };
    case "not-ended":
      return typeof payload.reference === "string"
        ? { kind: "not-ended", reference: payload.reference }
        : undefined;
  }
  return undefined;
}

export function pendingLogOut(request: NextRequest): PendingLogOut | undefined {
  const secure = getConfig().auth.secureCookies;
  const sealed = request.cookies.get(cookieName("logOutPending", secure))?.value;
  const payload = sealed ? codec().decode(sealed) : null;
  return typeof payload?.key === "string" && typeof payload.endsBy === "number"
    ? { key: payload.key, endsBy: payload.endsBy }
    : undefined;
}

export function rememberPendingLogOut(response: NextResponse, pending: PendingLogOut): void {
  const lifetime = Math.max(1, pending.endsBy - nowSeconds());
  const sealed = codec().encode({ ...pending }, lifetime);
  setCookie(response, "logOutPending", sealed, getConfig().auth.secureCookies);
}

export function forgetPendingLogOut(response: NextResponse): void {
  clearCookie(response, "logOutPending", getConfig().auth.secureCookies);
}
