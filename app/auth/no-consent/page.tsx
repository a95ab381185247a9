import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { BackToNhsApp } from "@/components/back-to-nhs-app";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { currentSession } from "@/lib/session/current";
import { MedicalHelp } from "@/components/problem-help";

const TITLE = "You cannot continue without sharing your information";
export const metadata: Metadata = {
  title: TITLE,
  description: "This service needs your NHS login information to work.",
};

type Props = { searchParams: Promise<{ context?: string | string[] }> };

/**
 * NHS login's standard content for a person who chose not to share their information, and the
 * way to try again. Someone still logged in (who declined while raising their level) is told so
 * on the error page instead, so this page is never shown to them.
 */
export default async function NoConsentPage({ searchParams }: Props) {
  if ((await currentSession()).status === "active") redirect("/profile");
  const { context } = await searchParams;
  const inApp = await insideNhsApp(context);
  const { serviceName } = getConfig();
  const who = inApp ? "The service provider" : serviceName;
  return (
    <PageMain backLink={inApp ? undefined : <BackLink href="/" />} heading={TITLE}>
      <p>
        {who} needs your NHS login information to show you your details, your GP surgery and whether
        your GP online services account can be linked.
      </p>
      {inApp ? (
        <>
          <p>If you change your mind, go back to the NHS App and open this service again.</p>
          <BackToNhsApp />
        </>
      ) : (
        <>
          <p>If you change your mind, you can try again.</p>
          <LoginButton
            href="/auth/sign-in?returnTo=%2Fprofile"
            attributes={{ "data-testid": "try-again" }}
          >
            Continue to NHS login
          </LoginButton>
        </>
      )}
      <MedicalHelp />
      <p>
        <a href="tel:999">Call 999</a> if it is a life-threatening emergency.
      </p>
    </PageMain>
  );
}
