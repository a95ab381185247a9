import type { ReactNode } from "react";
import { LoginButton } from "@/components/login-button";
import type { ApiFailure } from "@/lib/nhs-api";
import { logInAgainHref } from "@/lib/nhs-record";
import { MedicalHelp, ProblemReference } from "@/components/problem-help";

interface Problem {
  heading: string;
  body: ReactNode;
  /** Whether the person may need the reference: not for what is nobody's fault. */
  reference: boolean;
}

const TRY_LATER: Problem = {
  heading: "Sorry, we cannot show your NHS record at the moment",
  body: <p>Try again later.</p>,
  reference: true,
};

function whenToTryAgain(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 60) return "Try again in a minute.";
  const minutes = Math.ceil(seconds / 60);
  return minutes > 60 ? "Try again later." : `Try again in ${minutes} minutes.`;
}

function problemFor(failure: ApiFailure): Problem {
  switch (failure.reason) {
    case "not-configured":
      return {
        heading: "This service cannot show your NHS record yet",
        body: (
          <p>
            It is not set up to get information from NHS England&apos;s systems. You can still use
            the rest of this service.
          </p>
        ),
        reference: false,
      };
    case "not-available":
      return {
        heading: "Your NHS record is not available in this environment",
        body: (
          <p>
            NHS England&apos;s systems do not accept log-ins from this test environment of NHS
            login, so this page cannot show an NHS record here. You can still use the rest of this
            service.
          </p>
        ),
        reference: false,
      };
    case "login-expired":
      return {
        heading: "Log in again to see your NHS record",
        body: (
          <>
            <p>
              For your security, we can only get your NHS record for an hour after you log in with
              NHS login. You may not need to enter your details again.
            </p>
            <LoginButton
              href={logInAgainHref("/nhs-record")}
              attributes={{ "data-testid": "log-in-again" }}
            />
          </>
        ),
        reference: false,
      };
    case "not-found":
    case "invalidated":
      return {
        heading: "We could not find your NHS record",
        body: (
          <p>
            The NHS number NHS login has for you does not match an NHS record we can show. Contact
            your GP surgery and ask them to check your NHS number.
          </p>
        ),
        reference: true,
      };
    case "superseded":
      return {
        heading: "Your NHS number has changed",
        body: (
          <p>
            Your NHS record is now kept under a different NHS number from the one NHS login has for
            you. Contact your GP surgery and ask them to check your NHS number.
          </p>
        ),
        reference: true,
      };
    case "rate-limited":
      return {
        heading: "Sorry, we cannot show your NHS record at the moment",
        body: <p>The service is busy. {whenToTryAgain(failure.retryAfterSeconds)}</p>,
        reference: true,
      };
    case "refused":
    case "server-error":
    case "invalid-request":
    case "bad-response":
    case "timeout":
    case "unreachable":
    case "token-store-failed":
      return TRY_LATER;
  }
}

/** Why the record is not shown, inside the page: the rest of the portal carries on. */
export function RecordProblem({ failure, reference }: { failure: ApiFailure; reference: string }) {
  const problem = problemFor(failure);
  return (
    <div data-testid="nhs-record-problem" data-reason={failure.reason}>
      <h2>{problem.heading}</h2>
      {problem.body}
      {problem.reference && (
        <>
          <ProblemReference reference={reference} />
          <MedicalHelp />
        </>
      )}
    </div>
  );
}
