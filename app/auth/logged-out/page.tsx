import type { Metadata } from "next";
import { Button } from "@/components/button";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";

const TITLE = "You have logged out";
export const metadata: Metadata = {
  title: TITLE,
  description: "You have logged out of this service.",
};

type Props = { searchParams: Promise<{ everywhere?: string | string[] }> };

export default async function LoggedOutPage({ searchParams }: Props) {
  const everywhere = (await searchParams).everywhere === "true";
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p>
        {everywhere
          ? `You have logged out of ${serviceName} on all your devices.`
          : `You have logged out of ${serviceName}.`}
      </p>
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
