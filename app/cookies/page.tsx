import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { SummaryList } from "@/components/summary-list";
import { getConfig } from "@/lib/config";

const TITLE = "Cookies";
export const metadata: Metadata = { title: TITLE };

export default function CookiesPage() {
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p>
        Cookies are small files saved on your phone, tablet or computer when you visit a website.
      </p>
      <p>
        {serviceName} only uses cookies that are strictly necessary to log you in and keep you
        logged in securely. We do not use cookies to measure how you use the service, to remember
        your preferences or for advertising, so we do not ask for your consent.
      </p>
      <h2>Cookies we use</h2>
      <SummaryList
        rows={[
          {
            key: "portal.session",
            value:
              "Keeps you logged in. Deleted when you log out, after 30 minutes without activity, or after 12 hours.",
          },
          {
            key: "portal.sign-in and authjs cookies",
            value:
              "Protect your log-in with NHS login from being tampered with. Deleted when you come back from NHS login, or after 15 minutes.",
          },
          {
            key: "portal.reauthenticate",
            value:
              "Set when you log out, so that the next person to log in on this device has to enter their own login details. Expires after 12 hours.",
          },
        ]}
      />
      <p>On a secure connection, the names of these cookies start with __Host- or __Secure-.</p>
      <p>NHS login sets its own cookies when you log in. Its cookie policy explains them.</p>
    </PageMain>
  );
}
