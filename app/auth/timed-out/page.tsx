import type { Metadata } from "next";
import { Button } from "@/components/button";
import { PageMain } from "@/components/page-main";
import { safeReturnTo } from "@/lib/access";
import { getConfig } from "@/lib/config";

const TITLE = "You have been logged out";
export const metadata: Metadata = { title: TITLE };

type Props = {
  searchParams: Promise<{ reason?: string | string[]; returnTo?: string | string[] }>;
};

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} ${seconds === 3600 ? "hour" : "hours"}`;
  if (seconds % 60 === 0) return `${seconds / 60} ${seconds === 60 ? "minute" : "minutes"}`;
  return `${seconds} seconds`;
}

/** Where a session that reached NHS login's time limits ends: it says why and offers a new log-in. */
export default async function TimedOutPage({ searchParams }: Props) {
  const { reason, returnTo } = await searchParams;
  const { session } = getConfig();
  const destination = safeReturnTo(typeof returnTo === "string" ? returnTo : null, "/profile");
  const why =
    reason === "max-age"
      ? `you had been logged in for ${describeDuration(session.maxAgeSeconds)}`
      : `you had not done anything for ${describeDuration(session.idleTimeoutSeconds)}`;
  return (
    <PageMain heading={TITLE}>
      <p data-testid="timeout-reason">For your security, we logged you out because {why}.</p>
      <p>Log in again to carry on where you left off.</p>
      <Button
        href={`/auth/sign-in?returnTo=${encodeURIComponent(destination)}`}
        attributes={{ "data-testid": "log-in-again" }}
      >
        Log in again
      </Button>
    </PageMain>
  );
}
