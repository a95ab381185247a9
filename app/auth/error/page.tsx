import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackToNhsApp } from "@/components/back-to-nhs-app";
import { Button } from "@/components/button";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { safeReturnTo } from "@/lib/access";
import { isReference } from "@/lib/log";
import { outcomeWording, parseLoginOutcome } from "@/lib/login-outcomes";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { findPatientPage } from "@/lib/patient-pages";
import { currentSession } from "@/lib/session/current";
import { upliftHref } from "@/lib/uplift";
import { MedicalHelp, ProblemReference } from "@/components/problem-help";

type Param = string | string[] | undefined;
type Props = {
  searchParams: Promise<{ code?: Param; ref?: Param; returnTo?: Param; context?: Param }>;
};

const NHS_LOGIN_HELP = "https://help.login.nhs.uk/";

const single = (value: Param) => (typeof value === "string" ? value : undefined);

/** What went wrong, worded for whether the person still has a session, and where they were going. */
async function outcome(searchParams: Props["searchParams"]) {
  const { code, returnTo } = await searchParams;
  const destination = safeReturnTo(single(returnTo), "/profile");
  const loggedIn = (await currentSession()).status === "active";
  const purpose = findPatientPage(destination)?.purpose;
  return {
    destination,
    loggedIn,
    wording: outcomeWording(parseLoginOutcome(single(code)), { loggedIn, purpose }),
  };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return {
    title: (await outcome(searchParams)).wording.heading,
    description: "What happened when you tried to log in with NHS login, and what you can do.",
  };
}

/** Every way a log-in can fail ends here, with what the person can do and a reference for help. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const { destination, loggedIn, wording } = await outcome(searchParams);
  const { code, ref, context } = await searchParams;
  // Opened with no outcome to tell: a logged-in person is shown where they are, not a failure.
  if (loggedIn && code === undefined) redirect("/profile");
  const inApp = await insideNhsApp(context);

  return (
    <PageMain heading={wording.heading}>
      {wording.explanation.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {wording.nhsLoginHelp && (
        <p>
          If you had a problem proving who you are,{" "}
          <a href={NHS_LOGIN_HELP}>get help with NHS login</a>.
        </p>
      )}
      {isReference(ref) && <ProblemReference reference={ref} />}
      {inApp ? (
        <>
          <p>
            {wording.retry
              ? "Go back to the NHS App and try again from there."
              : "Go back to the NHS App to carry on."}
          </p>
          <BackToNhsApp />
        </>
      ) : wording.retry === "uplift" ? (
        <Button href={upliftHref(destination)} attributes={{ "data-testid": "try-again" }}>
          Try again
        </Button>
      ) : (
        wording.retry === "log-in" && (
          <LoginButton
            href={`/auth/sign-in?${new URLSearchParams({ returnTo: destination })}`}
            attributes={{ "data-testid": "try-again" }}
          >
            Continue to NHS login
          </LoginButton>
        )
      )}
      {loggedIn && (
        <p>
          <a href="/profile" data-testid="way-back">
            Go back to your profile
          </a>
        </p>
      )}
      <MedicalHelp />
    </PageMain>
  );
}
