/**
 * What the portal tells a person about each way a log-in with NHS login can end badly, as the
 * sign-in callback names it in the error page's `code` (lib/sign-in/outcomes.ts): worded for
 * whether they still have their session, since a person who was already logged in (asking for a
 * higher level, say) keeps it when NHS login answers with an error.
 */
import type { SignInErrorCode } from "./sign-in/outcomes";

/** Every code, checked by the compiler against the callback's own list. */
const CODES: Record<SignInErrorCode, true> = {
  unavailable: true,
  invalid_scope: true,
  login_required: true,
  uplift_not_completed: true,
  access_denied: true,
  reauthentication_required: true,
  refused: true,
};

export type LoginOutcome = SignInErrorCode;

export const LOGIN_OUTCOMES = Object.keys(CODES) as LoginOutcome[];

/** A code from the address bar; anything unknown is the catch-all "refused". */
export function parseLoginOutcome(code: unknown): LoginOutcome {
  return typeof code === "string" && Object.hasOwn(CODES, code)
    ? (code as LoginOutcome)
    : "refused";
}

export interface OutcomeWording {
  heading: string;
  /** Paragraphs saying what happened and what it means. */
  explanation: string[];
  /**
   * How to try again: a new log-in with NHS login, or the uplift page, which explains the
   * identity check again; none when trying again cannot help.
   */
  retry?: "log-in" | "uplift";
  /** A link to NHS login's help, for problems only NHS login can help with. */
  nhsLoginHelp?: boolean;
}

export interface OutcomeContext {
  /** The person still has a session at their old level. */
  loggedIn: boolean;
  /** The page they were going to, in words ("see which GP surgery you are registered with"). */
  purpose?: string;
}

/** Headings NHS login's own journeys and the test suites rely on: worded once, here. */
export const UNAVAILABLE_HEADING = "Sorry, NHS login is not available at the moment";
export const REFUSED_HEADING = "Sorry, we could not log you in";

const STILL_LOGGED_IN = "You are still logged in, and you can carry on using this service.";

export function outcomeWording(outcome: LoginOutcome, context: OutcomeContext): OutcomeWording {
  const { loggedIn } = context;
  const toGoOn = context.purpose ? `to ${context.purpose}` : "to see the page you asked for";
  switch (outcome) {
    case "unavailable":
      return {
        heading: UNAVAILABLE_HEADING,
        explanation: loggedIn
          ? [
              `We could not reach NHS login, so you cannot go on ${toGoOn} at the moment.`,
              STILL_LOGGED_IN,
              "Try again in a few minutes.",
            ]
          : [
              "We could not reach NHS login, so you cannot log in at the moment.",
              "Try again in a few minutes.",
            ],
        retry: "log-in",
      };
    case "invalid_scope":
      return {
        heading: "Sorry, there is a problem with the service",
        explanation: [
          loggedIn
            ? `This service asked NHS login for information it is not set up to receive, so you cannot go on ${toGoOn} at the moment.`
            : "This service asked NHS login for information it is not set up to receive, so you cannot log in at the moment.",
          ...(loggedIn ? [STILL_LOGGED_IN] : []),
          "We have recorded the problem. Try again later.",
        ],
      };
    case "login_required":
      return loggedIn
        ? {
            heading: "We could not log you in automatically",
            explanation: [
              "Your NHS login session has ended, so we could not log you in again without asking.",
              STILL_LOGGED_IN,
            ],
            retry: "log-in",
          }
        : {
            heading: "You need to log in again",
            explanation: [
              "We could not log you in automatically, because your NHS login session has ended.",
            ],
            retry: "log-in",
          };
    case "uplift_not_completed":
      return {
        heading: "You have not proved who you are yet",
        explanation: loggedIn
          ? [
              `NHS login did not finish checking who you are, so you cannot go on ${toGoOn} yet.`,
              "You are still logged in, and you can carry on using the pages you could use before.",
            ]
          : ["NHS login did not finish checking who you are.", "Log in again to carry on."],
        retry: loggedIn ? "uplift" : "log-in",
        nhsLoginHelp: true,
      };
    case "access_denied":
      return loggedIn
        ? {
            heading: "NHS login did not let you continue",
            explanation: [
              `NHS login did not confirm it's you, so you cannot go on ${toGoOn}.`,
              STILL_LOGGED_IN,
            ],
            retry: "log-in",
          }
        : {
            heading: "You have not logged in",
            explanation: ["NHS login did not log you in, so you cannot use this service yet."],
            retry: "log-in",
          };
    case "reauthentication_required":
      return {
        heading: "You need to log in again",
        explanation: [
          "For your security, NHS login needs you to enter your login details again before you can carry on.",
          ...(loggedIn ? [STILL_LOGGED_IN] : []),
          "When you try again, NHS login will ask for them.",
        ],
        retry: "log-in",
      };
    case "refused":
      return {
        heading: REFUSED_HEADING,
        explanation: loggedIn
          ? [
              "Something went wrong while NHS login was checking who you are, so we could not log you in again.",
              "You are still logged in as before, and nothing about you was changed.",
            ]
          : [
              "Something went wrong while NHS login was checking who you are. No information about you was saved.",
            ],
        retry: "log-in",
      };
  }
}
