// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiFailure } from "@/lib/nhs-api";
import { RecordProblem } from "./record-problem";

const REFERENCE = "K7QM-2XRD";

function shown(failure: ApiFailure) {
  render(<RecordProblem failure={failure} reference={REFERENCE} />);
  return {
    heading: screen.getByRole("heading", { level: 2 }).textContent,
    text: screen.getByTestId("nhs-record-problem").textContent ?? "",
    reference: screen.queryByTestId("error-reference")?.textContent,
  };
}

afterEach(cleanup);

describe("what the record page says when it cannot show the record", () => {
  it("says the service is not set up where no API platform is configured, with no reference", () => {
    const { heading, reference, text } = shown({ reason: "not-configured" });
    expect(heading).toBe("This service cannot show your NHS record yet");
    expect(text).toContain("You can still use the rest of this service.");
    expect(reference).toBeUndefined();
  });

  it("says where no API platform serves this environment that the record is not available here: not a failure", () => {
    const { heading, reference, text } = shown({ reason: "not-available" });
    expect(heading).toBe("Your NHS record is not available in this environment");
    expect(text).toContain("You can still use the rest of this service.");
    expect(text).not.toMatch(/sorry|try again/i);
    expect(reference).toBeUndefined();
  });

  it("asks the person to log in again once the ID token has expired: not an error", () => {
    const { heading, reference } = shown({ reason: "login-expired" });
    expect(heading).toBe("Log in again to see your NHS record");
    expect(reference).toBeUndefined();
    expect(screen.getByTestId("log-in-again").getAttribute("href")).toBe(
      "/auth/sign-in?returnTo=%2Fnhs-record&renew=1",
    );
  });

  it.each<[ApiFailure, string]>([
    [{ reason: "not-found" }, "We could not find your NHS record"],
    [{ reason: "invalidated" }, "We could not find your NHS record"],
    [{ reason: "superseded", nhsNumber: "9990001111" }, "Your NHS number has changed"],
    [{ reason: "refused", status: 403 }, "Sorry, we cannot show your NHS record at the moment"],
    [
      { reason: "server-error", status: 502 },
      "Sorry, we cannot show your NHS record at the moment",
    ],
    [{ reason: "timeout" }, "Sorry, we cannot show your NHS record at the moment"],
    [{ reason: "unreachable" }, "Sorry, we cannot show your NHS record at the moment"],
    [{ reason: "token-store-failed" }, "Sorry, we cannot show your NHS record at the moment"],
    [
      { reason: "bad-response", detail: "x" },
      "Sorry, we cannot show your NHS record at the moment",
    ],
  ])("%o: a message and the reference", (failure, expected) => {
    const { heading, reference } = shown(failure);
    expect(heading).toBe(expected);
    expect(reference).toBe(REFERENCE);
  });

  it("never shows the NHS number a record was superseded by", () => {
    expect(shown({ reason: "superseded", nhsNumber: "9990001111" }).text).not.toMatch(
      /999\s?000\s?1111/,
    );
  });

  it.each([
    [undefined, "Try again in a minute."],
    [5, "Try again in a minute."],
    [300, "Try again in 5 minutes."],
    [7200, "Try again later."],
  ])("when rate limited (Retry-After %s), says when to try again", (seconds, expected) => {
    const failure: ApiFailure =
      seconds === undefined
        ? { reason: "rate-limited" }
        : { reason: "rate-limited", retryAfterSeconds: seconds };
    expect(shown(failure).text).toContain(expected);
  });
});
