import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/button";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";
import { currentSession } from "@/lib/session/current";

const TITLE = "You have logged out";
export const metadata: Metadata = {
  title: TITLE,
  description: "You have logged out of this service.",
};

type Props = { searchParams: Promise<{ everywhere?: string | string[] }> };

export default async function LoggedOutPage({ searchParams }: Props) {
  // A link to this page, sent by someone else or left in the history, must not tell a person who
  // is still logged in that they are not: at a shared computer they would walk away logged in.
  if ((await currentSession()).status === "active") redirect("/profile");
  const { everywhere } = await searchParams;
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p>
        {everywhere === "true"
          ? `You have logged out of ${serviceName} on all your devices.`
          : `You have logged out of ${serviceName}.`}
      </p>
      {everywhere === "ended-already" && (
        <p data-testid="not-everywhere">
          Your session here had already ended, so we could not log you out of your other devices. To
          do that, log in again and choose &ldquo;Log out of all devices&rdquo; on your profile.
        </p>
      )}
      <p>
        If you are using a shared computer, close your browser. The next time anyone logs in here,
        NHS login will ask for their login details.
      </p>
      <Button href="/auth/sign-in?returnTo=/profile" attributes={{ "data-testid": "log-in-again" }}>
        Log in again
      </Button>
    </PageMain>
  );
}
