/**
 * The one place that decides how the portal's own cookies are set: HttpOnly, SameSite=Lax, for
 * the whole site, and over https Secure with a `__Host-` name, so only this origin can set them.
 */
export function portalCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

export interface PortalCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  maxAge?: number;
}

/** For `response.cookies.set`; a `maxAge` of 0 removes the cookie. */
export function portalCookieOptions(secure: boolean, maxAge?: number): PortalCookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

/** The same cookie as a Set-Cookie header, for handlers that answer with a plain Response. */
export function portalSetCookie(name: string, value: string, secure: boolean, maxAge: number) {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
