import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { SummaryList } from "@/components/summary-list";
import { getConfig } from "@/lib/config";
import { cookieMaxAge, cookieName, type PortalCookie } from "@/lib/cookies";
import { describeDuration } from "@/lib/durations";

const TITLE = "Cookies";
export const metadata: Metadata = {
  title: TITLE,
  description: "The cookies this service uses to log you in and keep you logged in securely.",
};

const NHS_LOGIN_COOKIES = "https://access.login.nhs.uk/cookies";

/**
 * A cookie's name, allowed to break only after its dots: on a narrow screen a name wraps
 * between its parts instead of mid-word.
 */
function CookieName({ name }: { name: string }) {
  const parts = name.split(".");
  return (
    <span className="portal-cookie-name">
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </span>
      ))}
    </span>
  );
}

/** What each of the portal's cookies is for; lib/cookies.ts names them and says how long they last. */
const PURPOSES: Record<PortalCookie, string> = {
  session:
    "Keeps you logged in. It holds only a random code that lets us find your session, none of your details.",
  signInAttempt:
    "Makes sure the person coming back from NHS login is the one who started to log in. There is one for each log-in you start, its name ending in a code.",
  reauthenticate:
    "Set when you log out or your session ends, so that the next log-in on this device asks for login details again.",
  accountSwitch:
    "Holds a log-in as a different person until you choose whether to switch to it or stay as you are.",
  logOutOutcome: "Tells the page you see after logging out what happened, once.",
  logOutPending:
    "Set only if we could not log you out completely because of a problem with the service, so that you can try again.",
  nhsApp:
    "Tells us you are using this service inside the NHS App, when your phone does not say so itself, so that we leave out what the app shows you.",
};

/** How long a cookie lasts, in words, with what ends it sooner. */
function lasts(
  cookie: PortalCookie,
  limits: { idleTimeoutSeconds: number; maxAgeSeconds: number },
) {
  const maxAge = cookieMaxAge(cookie);
  const atMost = maxAge === undefined ? "" : `${describeDuration(maxAge)} at most`;
  switch (cookie) {
    case "session":
      return `Until you close your browser. Your session ends sooner when you log out, after ${describeDuration(limits.idleTimeoutSeconds)} without any activity, or after ${describeDuration(limits.maxAgeSeconds)}.`;
    case "signInAttempt":
      return `Until you come back from NHS login, or ${atMost}.`;
    case "reauthenticate":
      return `Until you next log in, or ${atMost}.`;
    case "accountSwitch":
      return `Until you choose, or ${atMost}.`;
    case "logOutOutcome":
      return `Until that page has been shown, or ${atMost}.`;
    case "logOutPending":
      return `Until you log out again, or your session would have ended anyway.`;
    case "nhsApp":
      return "Until you close the NHS App.";
  }
}

export default function CookiesPage() {
  const { serviceName, session } = getConfig();
  const cookies = (Object.keys(PURPOSES) as PortalCookie[]).map((cookie) => ({
    name: cookieName(cookie, false),
    purpose: PURPOSES[cookie],
    lasts: lasts(cookie, session),
  }));
  return (
    <PageMain heading={TITLE}>
      <p>
        Cookies are small files saved on your phone, tablet or computer when you visit a website.
      </p>
      <p>
        {serviceName} only uses cookies that it needs to log you in and keep you logged in securely.
        We do not use cookies to measure how you use the service, to remember your choices or for
        advertising, so we do not ask you to accept them.
      </p>
      <h2>Cookies we use</h2>
      {cookies.map((cookie) => (
        <SummaryList
          key={cookie.name}
          rows={[
            { key: "Name", value: <CookieName name={cookie.name} /> },
            { key: "What it is for", value: cookie.purpose },
            { key: "How long it lasts", value: cookie.lasts },
          ]}
        />
      ))}
      <p>
        On a secure connection, the name of each of these cookies starts with __Host-, which means
        only this service can set it.
      </p>
      <h2>Cookies set by NHS login</h2>
      <p>
        When you log in, you use NHS login, which sets its own cookies.{" "}
        <a href={NHS_LOGIN_COOKIES}>Read NHS login&apos;s cookie policy</a>.
      </p>
    </PageMain>
  );
}
