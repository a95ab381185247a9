import type { Metadata } from "next";
import { headers } from "next/headers";
import { BackLink } from "@/components/back-link";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";
import { isNhsApp } from "@/lib/nhs-app";
import { MedicalHelp } from "@/components/problem-help";

const TITLE = "You cannot continue without sharing your information";
export const metadata: Metadata = {
  title: TITLE,
  description: "This service needs your NHS login information to work.",
};

type Props = { searchParams: Promise<{ context?: string | string[] }> };

/** NHS login's standard content for a person who chose not to share their information. */
export default async function NoConsentPage({ searchParams }: Props) {
  const { context } = await searchParams;
  const insideNhsApp = context === "nhs-app" || isNhsApp((await headers()).get("user-agent"));
  const { serviceName } = getConfig();
  const who = insideNhsApp ? "The service provider" : serviceName;
  return (
    <PageMain backLink={insideNhsApp ? undefined : <BackLink href="/" />} heading={TITLE}>
      <p>
        {who} needs your NHS login information to show you your details, your GP surgery and whether
        your GP online services account can be linked.
      </p>
      <MedicalHelp />
      <p>
        <a href="tel:999">Call 999</a> if it is a life-threatening emergency.
      </p>
    </PageMain>
  );
}
