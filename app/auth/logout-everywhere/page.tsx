import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { Button } from "@/components/button";
import { PageMain } from "@/components/page-main";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { currentSession } from "@/lib/session/current";

const TITLE = "Log out of all devices";
export const metadata: Metadata = {
  title: TITLE,
  description: "Log out of this service on every device and browser where you are logged in.",
};

/** Asks before ending every session of the person's NHS login account, on every device. */
export default async function LogOutEverywherePage() {
  const state = await currentSession();
  if (state.status !== "active") redirect("/auth/sign-in?returnTo=/profile");
  // Inside the NHS App the app owns the account, logging out included.
  if (await insideNhsApp()) redirect("/profile");
  return (
    <PageMain backLink={<BackLink href="/profile" />} heading={TITLE}>
      <p>
        This logs you out of this service on every device and browser where you are logged in,
        including this one.
      </p>
      <p>
        Do this if you logged in on a computer you do not use any more, such as a shared or public
        one, or if you think someone else may be using your account.
      </p>
      <p>
        It does not log you out of NHS login or other NHS services. To change your password, go to
        your NHS login settings from your profile.
      </p>
      <form action="/auth/logout" method="post">
        <input type="hidden" name="scope" value="everywhere" />
        <Button variant="warning" attributes={{ "data-testid": "log-out-everywhere" }}>
          Log out of all devices
        </Button>
      </form>
      <p>
        <a href="/profile">Cancel and go back to your profile</a>
      </p>
    </PageMain>
  );
}
