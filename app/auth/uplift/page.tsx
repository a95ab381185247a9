import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { levelToReach, safeReturnTo } from "@/lib/access";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { inNhsApp } from "@/lib/nhs-app";
import { findPatientPage } from "@/lib/patient-pages";
import { currentSession } from "@/lib/session/current";
import { UPLIFT_HEADING, upliftStep } from "@/lib/uplift";

type Props = {
  searchParams: Promise<{ returnTo?: string | string[]; level?: string | string[] }>;
};

async function uplift(searchParams: Props["searchParams"]) {
  const { returnTo, level } = await searchParams;
  const destination = safeReturnTo(typeof returnTo === "string" ? returnTo : null, "/profile");
  const state = await currentSession();
  const needed = levelToReach(destination, level);
  const step = state.status === "active" ? upliftStep(state.session.patient, needed) : "prove";
  return { destination, needed, state, step };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { step } = await uplift(searchParams);
  return {
    title: UPLIFT_HEADING[step === "confirm" ? "confirm" : "prove"],
    description: "Prove who you are with NHS login to see this page.",
  };
}

/**
 * A logged-in person opened a page that needs a higher verification level than this log-in
 * proved. It says what that page is for and what NHS login will ask; continuing asks NHS login
 * for that level, and NHS login's own session spares a second log-in where it can.
 */
export default async function UpliftPage({ searchParams }: Props) {
  const { destination, needed, state, step } = await uplift(searchParams);
  // A level above the page's own travels on to the sign-in, which asks NHS login for it.
  const continueHref = `/auth/sign-in?${new URLSearchParams({
    returnTo: destination,
    ...(needed !== levelToReach(destination) ? { level: needed } : {}),
  })}`;
  if (state.status !== "active") redirect(continueHref);
  if (step === "none") redirect(destination);
  const page = findPatientPage(destination);
  const why = page ? `To ${page.purpose}` : "To see this page";

  return (
    <PageMain backLink={<BackLink href="/profile" />} heading={UPLIFT_HEADING[step]}>
      {step === "confirm" ? (
        <>
          <p data-testid="uplift-purpose">
            {why}, NHS login needs you to confirm it&apos;s you again. You have already proved who
            you are, so you will not need to do that again.
          </p>
          <p>NHS login may ask you for your password or a security code.</p>
        </>
      ) : (
        <>
          <p data-testid="uplift-purpose">{why}, we need to be sure it&apos;s you.</p>
          {needed === "P9" ? (
            <p>
              NHS login will ask you to prove who you are. This usually means taking a photo of your
              ID, such as a passport or driving licence, and a short video of your face.
            </p>
          ) : (
            <p>
              NHS login will ask you for some details, such as your date of birth and postcode, to
              find your NHS record.
            </p>
          )}
          <p>You only need to do this once.</p>
        </>
      )}
      <LoginButton
        href={continueHref}
        attributes={{
          "data-testid": "uplift-continue",
          // Inside the NHS App, the app takes the person through identity verification itself.
          ...((await insideNhsApp()) ? inNhsApp("uplift") : {}),
        }}
      />
    </PageMain>
  );
}
