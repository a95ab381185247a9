import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { levelToReach, safeReturnTo } from "@/lib/access";
import { meetsLevel } from "nhs-login-vocabulary";
import { currentSession } from "@/lib/session/current";

type Props = { searchParams: Promise<{ returnTo?: string | string[] }> };

const PROVE = "You need to prove who you are";
const CONFIRM = "You need to confirm it's you";

async function uplift(searchParams: Props["searchParams"]) {
  const { returnTo } = await searchParams;
  const destination = safeReturnTo(typeof returnTo === "string" ? returnTo : null, "/profile");
  const state = await currentSession();
  const needed = levelToReach(destination);
  // Verified that high before, just not in this log-in: NHS login only needs to confirm it.
  const highest = state.status === "active" ? state.session.patient.highestLevel : undefined;
  const heading = highest && meetsLevel(highest, needed) ? CONFIRM : PROVE;
  return { destination, needed, state, heading };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: (await uplift(searchParams)).heading };
}

/**
 * A logged-in person opened a page that needs a higher verification level than this log-in
 * proved. Continuing asks NHS login for that level; NHS login's own session spares a second
 * log-in where it can.
 */
export default async function UpliftPage({ searchParams }: Props) {
  const { destination, needed, state, heading } = await uplift(searchParams);
  if (state.status !== "active") {
    redirect(`/auth/sign-in?returnTo=${encodeURIComponent(destination)}`);
  }
  const { patient } = state.session;
  if (meetsLevel(patient.level, needed)) redirect(destination);
  const continueHref = `/auth/sign-in?returnTo=${encodeURIComponent(destination)}`;

  return (
    <PageMain backLink={<BackLink href="/profile" />} heading={heading}>
      {heading === CONFIRM ? (
        <>
          <p>
            You have already proved who you are with NHS login, but this page needs you to confirm
            it&apos;s you again before we can show it.
          </p>
          <p>NHS login may ask you for a security code.</p>
        </>
      ) : (
        <>
          <p>
            This page shows information from your health record, so we need to be sure it&apos;s
            you.
          </p>
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
      <LoginButton href={continueHref} attributes={{ "data-testid": "uplift-continue" }} />
    </PageMain>
  );
}
