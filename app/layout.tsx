import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { preload } from "react-dom";
import { Footer } from "@/components/footer";
import { Header, type HeaderAccountItem } from "@/components/header";
import { NhsukFrontendInit } from "@/components/nhsuk-frontend-init";
import { PatientNavigation } from "@/components/patient-navigation";
import { SkipLink } from "@/components/skip-link";
import { SessionTimeout } from "@/components/session-timeout";
import { NhsAppConnection } from "@/components/nhs-app-connection";
import { getConfig } from "@/lib/config";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { NHS_APP_SCRIPT_ID } from "@/lib/nhs-app";
import { NHSUK_FONTS } from "@/lib/nhsuk-fonts";
import { accountLabel } from "@/lib/patient-display";
import { PATIENT_PAGES } from "@/lib/patient-pages";
import { currentSession } from "@/lib/session/current";
import { nowSeconds } from "@/lib/session/rules";
import "./nhsuk-frontend.generated.css";
import "./portal.css";

const NHS_BLUE = "#005eb8";

/**
 * Every page is rendered per request: each response carries its own CSP nonce, and the
 * configuration (service name, NHS login) is read at run time, never baked in at build time.
 */
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { serviceName } = getConfig();
  return {
    title: { template: `%s – ${serviceName} – NHS`, default: `${serviceName} – NHS` },
    // Every page says what it is for in its own words; this covers any that does not.
    description: `${serviceName}: your details from NHS login, your GP surgery and your GP online services.`,
    icons: {
      icon: [
        { url: "/assets/images/favicon.ico", sizes: "48x48" },
        { url: "/assets/images/favicon.svg", sizes: "any", type: "image/svg+xml" },
      ],
      apple: "/assets/images/nhsuk-icon-180.png",
      other: [{ rel: "mask-icon", url: "/assets/images/nhsuk-icon-mask.svg", color: NHS_BLUE }],
    },
    manifest: "/assets/manifest.json",
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: NHS_BLUE,
};

/** nhsuk-frontend's body snippet: its styles for JavaScript only apply where it will run. */
const BODY_CLASS_SNIPPET =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');";

export default async function RootLayout({ children }: { children: ReactNode }) {
  for (const font of NHSUK_FONTS) {
    preload(font, { as: "font", type: "font/woff2", crossOrigin: "anonymous" });
  }
  const requestHeaders = await headers();
  const config = getConfig();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const inApp = await insideNhsApp();
  const state = await currentSession();
  const session = state.status === "active" ? state.session : undefined;

  // Two items, so that the account area fits on one line on the narrowest phones.
  const account: HeaderAccountItem[] | undefined = session && [
    { href: "/profile", text: accountLabel(session.patient), icon: true },
    { action: "/auth/logout", method: "post", text: "Log out" },
  ];

  return (
    <html lang="en" className={inApp ? "portal-inside-nhs-app" : undefined}>
      <body suppressHydrationWarning>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: BODY_CLASS_SNIPPET }} />
        <SkipLink href="#maincontent" />
        {/* Inside the NHS App, the app draws its own header and footer and owns the account. */}
        {!inApp && (
          <Header
            service={{ text: config.serviceName, href: "/" }}
            account={account && { items: account }}
          >
            {session && (
              <PatientNavigation
                pages={PATIENT_PAGES.map(({ path, title }) => ({ path, title }))}
              />
            )}
          </Header>
        )}
        {children}
        {!inApp && (
          <Footer
            meta={{
              items: [
                { href: "/accessibility", text: "Accessibility statement" },
                { href: "/cookies", text: "Cookies" },
                { href: "/privacy", text: "Privacy" },
                { href: "/terms", text: "Terms and conditions" },
              ],
            }}
          />
        )}
        {state.status === "active" && (
          <SessionTimeout
            secondsLeft={state.idleExpiresAt - nowSeconds()}
            warningSeconds={config.session.warningSeconds}
            canLogOut={!inApp}
          />
        )}
        {inApp && (
          <>
            <script id={NHS_APP_SCRIPT_ID} src={config.nhsApp.scriptUrl} nonce={nonce} defer />
            <NhsAppConnection />
          </>
        )}
        <NhsukFrontendInit />
      </body>
    </html>
  );
}
