import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { SummaryList } from "@/components/summary-list";
import { getConfig } from "@/lib/config";
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

export default function CookiesPage() {
  const { serviceName, session } = getConfig();
  const idle = describeDuration(session.idleTimeoutSeconds);
  const longest = describeDuration(session.maxAgeSeconds);
  const cookies = [
    {
      name: "portal.session",
      purpose:
        "Keeps you logged in. It holds only a random code that lets us find your session, none of your details.",
      lasts: `Until you close your browser. Your session ends sooner when you log out, after ${idle} without any activity, or after ${longest}.`,
    },
    {
      name: "portal.sign-in",
      purpose:
        "Makes sure the person coming back from NHS login is the one who started to log in. There is one for each log-in you start, its name ending in a code.",
      lasts: "Until you come back from NHS login, or 15 minutes at most.",
    },
    {
      name: "portal.reauthenticate",
      purpose:
        "Set when you log out, so that the next person to log in on this device has to enter their own login details.",
      lasts: "12 hours.",
    },
    {
      name: "portal.timed-out",
      purpose: "Tells you once, after you log in again, why we logged you out.",
      lasts: "Until you see the message, or 5 minutes at most.",
    },
  ];
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
