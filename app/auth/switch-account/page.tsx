import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Button } from "@/components/button";
import { PageMain } from "@/components/page-main";
import { safeReturnTo } from "@/lib/access";
import { contactDetailsBelowP9 } from "@/lib/contact-details";
import type { Patient } from "@/lib/nhs-login/claims";
import { displayName } from "@/lib/patient-display";
import { accountSwitchCookie, currentSession, sessions } from "@/lib/session/current";

const TITLE = "You are already logged in";
export const metadata: Metadata = {
  title: TITLE,
  description: "Choose whether to stay logged in as you are or to continue as someone else.",
};

type Props = { searchParams: Promise<{ returnTo?: string | string[] }> };

/**
 * NHS login has just logged this browser in as someone other than the person already logged in
 * here. Nothing changes until the person chooses: a link made by someone else must never swap
 * their session for another account unseen.
 */
export default async function SwitchAccountPage({ searchParams }: Props) {
  const { returnTo } = await searchParams;
  const current = await currentSession();
  const jar = await cookies();
  const pending = await sessions().read(accountSwitchCookie(jar));
  if (current.status !== "active" || pending.status !== "active") redirect("/profile");
  const destination = safeReturnTo(typeof returnTo === "string" ? returnTo : null, "/profile");
  const now = nameOf(current.session.patient);
  const next = nameOf(pending.session.patient);
  return (
    <PageMain heading={TITLE}>
      <p>
        You are logged in to this service as <strong>{now}</strong>, but NHS login has just logged
        you in as <strong>{next}</strong>.
      </p>
      <p>If you did not expect this, stay logged in as {now}.</p>
      <form action="/auth/switch-account/confirm" method="post">
        <input type="hidden" name="returnTo" value={destination} />
        <div className="nhsuk-button-group">
          <Button name="choice" value="stay" attributes={{ "data-testid": "stay-logged-in" }}>
            Stay logged in as {now}
          </Button>
          <Button
            name="choice"
            value="switch"
            variant="secondary"
            attributes={{ "data-testid": "switch-account" }}
          >
            Continue as {next}
          </Button>
        </div>
      </form>
    </PageMain>
  );
}

/** Without asking PDS about either person: an email address only for someone never at P9. */
function nameOf(patient: Patient): string {
  return displayName(patient, contactDetailsBelowP9(patient));
}
