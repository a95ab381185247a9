/**
 * A whole sign-in in Chromium, as a person makes it: `/profile` with no session, the route gate's
 * redirect, the portal's sign-in route, NHS login's (the simulator's) log-in and consent pages
 * with a click on each, the portal's callback, and the profile loaded. Each run has a browser
 * context of its own, so no cookie or cached file is carried over: a first visit each time.
 *
 * The portal's share is the time its four responses took as the browser saw them, from the start
 * of the request to its last byte: the gate's redirect, the sign-in route's, the callback's (which
 * includes its own requests to NHS login's token and userinfo endpoints) and the profile's HTML.
 * The rest of the time is split the same way, so that the parts add up to the whole.
 */
import { performance } from "node:perf_hooks";
import type { Browser, Page, Request } from "@playwright/test";
import { launchChromium } from "./chromium";
import { percentile } from "./report";

export interface BrowserSignIn {
  /** From asking for `/profile` to the profile's load event. */
  totalMs: number;
  portalMs: number;
  gateMs: number;
  signInRouteMs: number;
  callbackMs: number;
  profileHtmlMs: number;
  /** NHS login's responses to the browser's navigations: its redirects, pages and form posts. */
  nhsLoginMs: number;
  /** NHS login's two pages from their HTML's last byte to their load event. */
  nhsLoginPagesAfterHtmlMs: number;
  /** From each of NHS login's pages being loaded to its form's request: the clicks. */
  clicksMs: number;
  /** The profile from its HTML's last byte to its load event: styles, scripts, painting. */
  profileAfterHtmlMs: number;
  /** What none of the above covers: navigations starting, events reaching the script. */
  otherMs: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export type BrowserSignInSummary = { runs: number } & Record<keyof BrowserSignIn, Spread>;

interface TimedRequest {
  origin: string;
  pathname: string;
  method: string;
  status: number;
  /** When it started, in milliseconds since the epoch by the browser's clock. */
  startedAt: number;
  ms: number;
}

async function timed(request: Request): Promise<TimedRequest> {
  const url = new URL(request.url());
  const response = await request.response();
  const timing = request.timing();
  return {
    origin: url.origin,
    pathname: url.pathname,
    method: request.method(),
    status: response?.status() ?? 0,
    startedAt: timing.startTime,
    ms: timing.responseEnd >= 0 ? timing.responseEnd : timing.responseStart,
  };
}

/** The loaded page's HTML and load event, from Navigation Timing. */
function loaded(page: Page): Promise<{ at: number; afterHtmlMs: number }> {
  return page.evaluate(() => {
    const timing = window.performance;
    const [entry] = timing.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    if (!entry) throw new Error("no navigation timing");
    return {
      at: timing.timeOrigin + entry.loadEventEnd,
      afterHtmlMs: entry.loadEventEnd - entry.responseEnd,
    };
  });
}

/**
 * The NHS.UK typeface comes from assets.nhs.uk, for the portal's pages and the simulator's. Where
 * that host cannot be reached, its failing name lookup holds each page's load event for as long
 * as the lookup takes; it is refused at once, as in the end-to-end suite.
 */
const REFUSE_FONT_HOST = "--host-resolver-rules=MAP assets.nhs.uk ~NOTFOUND";

async function signInOnce(browser: Browser, portal: string, persona: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const navigations: Promise<TimedRequest>[] = [];
    page.on("requestfinished", (request) => {
      if (request.isNavigationRequest()) navigations.push(timed(request));
    });
    const profile = new URL("/profile", portal).toString();

    const started = performance.now();
    await page.goto(profile);
    const logInPage = await loaded(page);
    await page.getByTestId(`login-as-${persona}`).click();
    await page.getByTestId("consent-agree").waitFor();
    await page.waitForLoadState("load");
    const consentPage = await loaded(page);
    await page.getByTestId("consent-agree").click();
    await page.waitForURL(profile, { waitUntil: "load" });
    const totalMs = performance.now() - started;
    const profilePage = await loaded(page);

    const requests = await Promise.all(navigations);
    const portalOrigin = new URL(portal).origin;
    const one = (what: string, test: (request: TimedRequest) => boolean) => {
      const found = requests.filter(test);
      if (found.length !== 1) throw new Error(`expected one ${what}, saw ${found.length}`);
      return found[0]!;
    };
    const ofPortal = (pathname: string, status?: number) =>
      one(
        `response of the portal's ${pathname}`,
        (r) =>
          r.origin === portalOrigin &&
          r.pathname === pathname &&
          (status === undefined || r.status === status),
      );
    const gate = ofPortal("/profile", 303);
    const signInRoute = ofPortal("/auth/sign-in");
    const callback = ofPortal("/api/auth/callback/nhs-login");
    const profileHtml = ofPortal("/profile", 200);
    const [logIn, consent] = requests.filter((r) => r.method === "POST");
    if (!logIn || !consent) throw new Error("expected NHS login's two forms to be sent");

    const portalMs = gate.ms + signInRoute.ms + callback.ms + profileHtml.ms;
    const nhsLoginMs = requests
      .filter((r) => r.origin !== portalOrigin)
      .reduce((sum, r) => sum + r.ms, 0);
    const nhsLoginPagesAfterHtmlMs = logInPage.afterHtmlMs + consentPage.afterHtmlMs;
    const clicksMs = logIn.startedAt - logInPage.at + (consent.startedAt - consentPage.at);
    const accounted =
      portalMs + nhsLoginMs + nhsLoginPagesAfterHtmlMs + clicksMs + profilePage.afterHtmlMs;
    return {
      totalMs,
      portalMs,
      gateMs: gate.ms,
      signInRouteMs: signInRoute.ms,
      callbackMs: callback.ms,
      profileHtmlMs: profileHtml.ms,
      nhsLoginMs,
      nhsLoginPagesAfterHtmlMs,
      clicksMs,
      profileAfterHtmlMs: profilePage.afterHtmlMs,
      otherMs: totalMs - accounted,
    };
  } finally {
    await context.close();
  }
}

function spread(values: number[]): Spread {
  return {
    median: percentile(values, 50),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Sign-ins one after another; the first `warmUp` are thrown away. */
export async function timeBrowserSignIns(
  portal: string,
  persona: string,
  { runs, warmUp }: { runs: number; warmUp: number },
): Promise<BrowserSignInSummary> {
  const browser = await launchChromium([REFUSE_FONT_HOST]);
  try {
    const samples: BrowserSignIn[] = [];
    for (let i = 0; i < warmUp + runs; i++) {
      const sample = await signInOnce(browser, portal, persona);
      if (i >= warmUp) samples.push(sample);
    }
    const keys = Object.keys(samples[0]!) as (keyof BrowserSignIn)[];
    return {
      runs,
      ...(Object.fromEntries(
        keys.map((key) => [key, spread(samples.map((sample) => sample[key]))]),
      ) as Record<keyof BrowserSignIn, Spread>),
    };
  } finally {
    await browser.close();
  }
}
