import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { BackToNhsApp } from "@/components/back-to-nhs-app";
import { Button } from "@/components/button";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { MedicalHelp, ProblemReference } from "@/components/problem-help";
import { getConfig } from "@/lib/config";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { LOG_OUT_OUTCOME_HEADER, openLogOutOutcome, type LogOutOutcome } from "@/lib/log-out";
import { currentSession } from "@/lib/session/current";

const NOT_ENDED = "Sorry, we could not log you out";

/** The outcome the log-out handed this request, once (lib/log-out.ts); none on any later visit. */
async function outcomeOfThisVisit(): Promise<LogOutOutcome | undefined> {
  return openLogOutOutcome((await headers()).get(LOG_OUT_OUTCOME_HEADER));
}

function headingFor(outcome: LogOutOutcome | undefined): string {
  if (!outcome) return "You are logged out";
  return outcome.kind === "not-ended" ? NOT_ENDED : "You have logged out";
}

export async function generateMetadata(): Promise<Metadata> {
  const outcome = await outcomeOfThisVisit();
  return {
    title: headingFor(outcome),
    description: `What happened when you logged out of ${getConfig().serviceName}.`,
  };
}

/**
 * Says what the log-out did, and only that: the outcome comes from the log-out itself, never from
 * the address, so a link cannot tell anyone they logged out of every device.
 */
export default async function LoggedOutPage() {
  // A link to this page, sent by someone else or left in the history, must not tell a person who
  // is still logged in that they are not: at a shared computer they would walk away logged in.
  if ((await currentSession()).status === "active") redirect("/profile");
  const outcome = await outcomeOfThisVisit();
  const { serviceName } = getConfig();
  const heading = headingFor(outcome);

  if (outcome?.kind === "not-ended") {
    return (
      <PageMain heading={heading}>
        <p>There is a problem with {serviceName} and we could not log you out completely.</p>
        <p>If you are using a shared computer, close all browser windows before you leave it.</p>
        <p>Try logging out again in a few minutes.</p>
        <form action="/auth/logout" method="post">
          <Button type="submit" attributes={{ "data-testid": "log-out-again" }}>
            Try logging out again
          </Button>
        </form>
        <ProblemReference reference={outcome.reference} />
        <MedicalHelp />
      </PageMain>
    );
  }

  return (
    <PageMain heading={heading}>
      <p>
        {outcome?.kind === "everywhere"
          ? `You have logged out of ${serviceName} on all your devices.`
          : outcome
            ? `You have logged out of ${serviceName}.`
            : `You are not logged in to ${serviceName}.`}
      </p>
      {outcome?.kind === "everywhere-unreached" && (
        <p data-testid="not-everywhere">
          Your session here had already ended, so we could not log you out of your other devices. To
          do that, log in again and choose &ldquo;Log out of all devices&rdquo; on your profile.
        </p>
      )}
      <p>
        If you are using a shared computer, close your browser.
        {/* What a log-out here did: the next log-in in this browser must be a fresh one. */}
        {outcome &&
          " The next time anyone logs in here, NHS login will ask for their login details."}
      </p>
      {(await insideNhsApp()) ? (
        <>
          <p>Go back to the NHS App and open this service again to carry on.</p>
          <BackToNhsApp />
        </>
      ) : (
        <LoginButton
          href="/auth/sign-in?returnTo=/profile"
          attributes={{ "data-testid": "log-in-again" }}
        >
          Continue to NHS login
        </LoginButton>
      )}
    </PageMain>
  );
}
