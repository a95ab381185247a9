import type { Level } from "nhs-login-vocabulary";

/** Who may open a page: anyone, or a person logged in with NHS login at least at a level. */
export type Access = "public" | Level;

/**
 * The one table of which pages need which verification level. proxy.ts consults it on every
 * request and each gated page again on the server. A page at a level is one line here; the
 * entry covers the path and everything below it.
 */
const GATED_ROUTES: ReadonlyArray<readonly [path: string, level: Level]> = [
  ["/profile", "P0"],
  ["/gp-practice", "P5"],
  ["/gp-online-services", "P9"],
];

/**
 * A request path in the form the table uses: percent-decoded, lower case, no duplicate or
 * trailing slashes, no dot segments. Anything undecodable is kept as is and stays public, which
 * is safe because Next.js cannot route it to a gated page either.
 */
export function normalisePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
  const segments: string[] = [];
  for (const segment of path.toLowerCase().split(/[/\\]+/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

export function accessFor(pathname: string): Access {
  const path = normalisePath(pathname);
  for (const [prefix, level] of GATED_ROUTES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return level;
  }
  return "public";
}

/** The level a sign-in must prove to reach a page; a public page needs any NHS login. */
export function levelToReach(pathname: string): Level {
  const access = accessFor(pathname);
  return access === "public" ? "P0" : access;
}

const NOT_A_DESTINATION = /^\/(api|auth|_next)(\/|$)/i;

/** The portal's own log-in machinery, which is never a page to return to or to gate. */
export function isAuthRoute(pathname: string): boolean {
  return NOT_A_DESTINATION.test(normalisePath(pathname));
}

/**
 * A return address after log-in or uplift: a path on this site, never another origin
 * (`//evil`, `/\evil`, `https://evil`, `javascript:`…), never an auth route. Anything else is
 * the start page.
 */
export function safeReturnTo(value: string | null | undefined, fallback = "/"): string {
  if (!value || value.length > 2048 || !value.startsWith("/") || /[\\\u0000-\u001f]/.test(value)) {
    return fallback;
  }
  const base = "https://portal.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || value.startsWith("//")) return fallback;
  if (isAuthRoute(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
