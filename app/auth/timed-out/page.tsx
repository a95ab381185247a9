import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackToNhsApp } from "@/components/back-to-nhs-app";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { safeReturnTo } from "@/lib/access";
import { getConfig } from "@/lib/config";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { currentSession } from "@/lib/session/current";
import { explainTimeout, parseTimeoutReason } from "@/lib/sign-in/timed-out";

const TITLE = "You have been logged out";
export const metadata: Metadata = {
  title: TITLE,
  description: "We logged you out for your security. Log in again to carry on.",
};

type Props = {
  searchParams: Promise<{ reason?: string | string[]; returnTo?: string | string[] }>;
};

/**
 * Where a session that reached NHS login's time limits ends inside the NHS App, which keeps its
 * own session (elsewhere the proxy sends the person straight back to NHS login): it says why and
 * leads back to the app, which opens the service again already logged in; anywhere else, it
 * offers a new log-in.
 */
export default async function TimedOutPage({ searchParams }: Props) {
  const { reason, returnTo } = await searchParams;
  const { session } = getConfig();
  const destination = safeReturnTo(typeof returnTo === "string" ? returnTo : null, "/profile");
  // A link to this page, left in the history, must not tell a logged-in person they are not.
  if ((await currentSession()).status === "active") redirect(destination);
  const timedOut = parseTimeoutReason(typeof reason === "string" ? reason : null) ?? "idle";
  const why = explainTimeout(timedOut, session);
  const logIn = new URLSearchParams({ returnTo: destination });
  return (
    <PageMain heading={TITLE}>
      <p data-testid="timeout-reason">For your security, we logged you out because {why}.</p>
      {(await insideNhsApp()) ? (
        <>
          <p>Go back to the NHS App and open this service again to carry on.</p>
          <BackToNhsApp />
        </>
      ) : (
        <>
          <p>Log in again to carry on where you left off.</p>
          <LoginButton
            href={`/auth/sign-in?${logIn}`}
            attributes={{ "data-testid": "log-in-again" }}
          >
            Continue to NHS login
          </LoginButton>
        </>
      )}
    </PageMain>
  );
}
