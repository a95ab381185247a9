import type { NextResponse } from "next/server";

/**
 * Every cookie the portal sets in a browser, in one table. All are HttpOnly, SameSite=Lax and
 * site-wide; when the portal is served over https (`config.auth.secureCookies`) they are also
 * Secure and carry the `__Host-` prefix, so that only this origin can set them.
 */
const PORTAL_COOKIES = {
  /** The session: a sealed envelope around a random session id. Ends when the browser closes. */
  session: { name: "portal.session", maxAgeSeconds: undefined },
  /** One sign-in in progress, from leaving for NHS login until coming back (see lib/sign-in). */
  signInAttempt: { name: "portal.sign-in", maxAgeSeconds: 15 * 60 },
  /** Set at log-out or when a session ends: the next log-in must be a fresh one. */
  reauthenticate: { name: "portal.reauthenticate", maxAgeSeconds: 12 * 60 * 60 },
  /** A new log-in as a different person, held until the person confirms the switch. */
  accountSwitch: { name: "portal.switch", maxAgeSeconds: 5 * 60 },
  /** What a log-out did, for the logged-out page to say once (lib/log-out.ts). */
  logOutOutcome: { name: "portal.logged-out", maxAgeSeconds: 60 },
  /** A session a log-out could not end, so that "Try again" can (sealed; its own expiry). */
  logOutPending: { name: "portal.log-out-pending", maxAgeSeconds: 12 * 60 * 60 },
  /** The visit is inside the NHS App (it came with `?from=nhsApp`). Ends when the app closes. */
  nhsApp: { name: "portal.nhs-app", maxAgeSeconds: undefined },
} as const;

export type PortalCookie = keyof typeof PORTAL_COOKIES;

/** Sign-in attempts are one cookie each, named after their own `state`. */
export const SIGN_IN_ATTEMPT_SEPARATOR = ".";

export function cookieName(cookie: PortalCookie, secure: boolean, suffix?: string): string {
  const base = PORTAL_COOKIES[cookie].name;
  const name = suffix === undefined ? base : `${base}${SIGN_IN_ATTEMPT_SEPARATOR}${suffix}`;
  return secure ? `__Host-${name}` : name;
}

export function cookieMaxAge(cookie: PortalCookie): number | undefined {
  return PORTAL_COOKIES[cookie].maxAgeSeconds;
}

export interface CookieAttributes {
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  maxAge?: number;
}

function attributes(secure: boolean, maxAge: number | undefined): CookieAttributes {
  return {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

/** Sets one of the portal's cookies on a response, with the attributes the table gives it. */
export function setCookie(
  response: NextResponse,
  cookie: PortalCookie,
  value: string,
  secure: boolean,
  suffix?: string,
): void {
  response.cookies.set(
    cookieName(cookie, secure, suffix),
    value,
    attributes(secure, cookieMaxAge(cookie)),
  );
}

/**
 * Removes a cookie. A `__Host-` cookie can only be removed by a Secure Set-Cookie, which
 * `cookies.delete()` does not write, so removal is an expired cookie with the same attributes.
 */
export function clearCookie(
  response: NextResponse,
  cookie: PortalCookie,
  secure: boolean,
  suffix?: string,
): void {
  response.cookies.set(cookieName(cookie, secure, suffix), "", attributes(secure, 0));
}

/** Removes a cookie by its full name, as found on a request. */
export function clearCookieNamed(response: NextResponse, name: string, secure: boolean): void {
  response.cookies.set(name, "", attributes(secure, 0));
}
