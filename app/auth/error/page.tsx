import type { Metadata } from "next";
import { headers } from "next/headers";
import { Button } from "@/components/button";
import { PageMain } from "@/components/page-main";
import { isReference } from "@/lib/log";
import { isNhsApp } from "@/lib/nhs-app";

type Props = {
  searchParams: Promise<{
    code?: string | string[];
    ref?: string | string[];
    context?: string | string[];
  }>;
};

type Problem = { title: string; explanation: string; retry: boolean };

const UNAVAILABLE: Problem = {
  title: "Sorry, NHS login is not available at the moment",
  explanation: "We could not reach NHS login. Try again in a few minutes.",
  retry: true,
};

const PROBLEMS: Record<string, Problem> = {
  unavailable: UNAVAILABLE,
  server_error: UNAVAILABLE,
  temporarily_unavailable: UNAVAILABLE,
  invalid_scope: {
    title: "Sorry, there is a problem with the service",
    explanation:
      "This service asked NHS login for information it is not set up to receive, so you cannot log in at the moment. We have recorded the problem.",
    retry: false,
  },
  sso_login_required: {
    title: "You need to log in again",
    explanation: "Your NHS login session has ended, so we could not log you in automatically.",
    retry: true,
  },
  login_required: {
    title: "You need to log in again",
    explanation: "Your NHS login session has ended, so we could not log you in automatically.",
    retry: true,
  },
  access_denied: {
    title: "You have not logged in",
    explanation: "NHS login did not log you in, so you cannot use this service yet.",
    retry: true,
  },
  uplift_not_completed: {
    title: "You have not proved who you are",
    explanation:
      "NHS login could not finish checking who you are, so we cannot show you that page. You are still logged in.",
    retry: true,
  },
  reauthentication_required: {
    title: "You need to log in again",
    explanation: "For your security, NHS login needs to ask for your login details again.",
    retry: true,
  },
};

const REFUSED: Problem = {
  title: "Sorry, we could not log you in",
  explanation:
    "Something went wrong while NHS login was checking who you are. No information about you was saved.",
  retry: true,
};

function problemFor(code: string | string[] | undefined): Problem {
  return (typeof code === "string" && PROBLEMS[code]) || REFUSED;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: problemFor((await searchParams).code).title };
}

/** Every way a log-in can fail ends here, with what the person can do and a reference for help. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const { code, ref, context } = await searchParams;
  const problem = problemFor(code);
  const insideNhsApp = context === "nhs-app" || isNhsApp((await headers()).get("user-agent"));
  return (
    <PageMain heading={problem.title}>
      <p>{problem.explanation}</p>
      {isReference(ref) && (
        <p>
          If you contact us about this, give this reference:{" "}
          <strong data-testid="error-reference">{ref}</strong>
        </p>
      )}
      {insideNhsApp ? (
        <>
          <p>Go back to the NHS App and try again from there.</p>
          <Button
            href="https://www.nhsapp.service.nhs.uk/"
            attributes={{ "data-testid": "back-to-nhs-app" }}
          >
            Go back to the NHS App
          </Button>
        </>
      ) : (
        problem.retry && (
          <Button
            href="/auth/sign-in?returnTo=/profile"
            attributes={{ "data-testid": "try-again" }}
          >
            Try logging in again
          </Button>
        )
      )}
      <p>
        If you need medical help, go to <a href="https://111.nhs.uk">111.nhs.uk</a> or{" "}
        <a href="tel:111">call 111</a>.
      </p>
    </PageMain>
  );
}
