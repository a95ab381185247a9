import { describe, expect, it } from "vitest";
import {
  LOGIN_OUTCOMES,
  outcomeWording,
  parseLoginOutcome,
  REFUSED_HEADING,
  UNAVAILABLE_HEADING,
} from "./login-outcomes";

const contexts = [{ loggedIn: true }, { loggedIn: false }];

describe("parseLoginOutcome", () => {
  it("knows every code the sign-in callback sends", () => {
    for (const code of LOGIN_OUTCOMES) expect(parseLoginOutcome(code)).toBe(code);
  });

  it.each([undefined, "", "server_error", "REFUSED", "<script>", ["unavailable"], 1])(
    "treats %j as refused",
    (code) => {
      expect(parseLoginOutcome(code)).toBe("refused");
    },
  );
});

describe("outcomeWording", () => {
  it("keeps the headings the test suites and NHS login's journeys rely on", () => {
    for (const context of contexts) {
      expect(outcomeWording("unavailable", context).heading).toBe(UNAVAILABLE_HEADING);
      expect(outcomeWording("refused", context).heading).toBe(REFUSED_HEADING);
    }
    expect(UNAVAILABLE_HEADING).toBe("Sorry, NHS login is not available at the moment");
    expect(REFUSED_HEADING).toBe("Sorry, we could not log you in");
    expect(outcomeWording("login_required", { loggedIn: false }).heading).toBe(
      "You need to log in again",
    );
  });

  it("tells a person who still has a session that they do, and no one else", () => {
    for (const outcome of LOGIN_OUTCOMES) {
      const withSession = outcomeWording(outcome, { loggedIn: true }).explanation.join(" ");
      const without = outcomeWording(outcome, { loggedIn: false }).explanation.join(" ");
      expect(withSession, outcome).toMatch(/You are still logged in/);
      expect(without, outcome).not.toMatch(/still logged in/);
    }
  });

  it("tells a logged-in person that only the log-in again failed, never that they are logged out", () => {
    const { heading, explanation } = outcomeWording("refused", { loggedIn: true });
    expect(heading).toBe(REFUSED_HEADING);
    expect(explanation.join(" ")).toContain("so we could not log you in again");
    expect(explanation.join(" ")).toContain("You are still logged in as before");
  });

  it("never tells a logged-in person that they have not logged in", () => {
    for (const outcome of LOGIN_OUTCOMES) {
      const { heading, explanation } = outcomeWording(outcome, { loggedIn: true });
      expect([heading, ...explanation].join(" "), outcome).not.toMatch(/not logged in/i);
    }
  });

  it("names the page an abandoned identity check was for, and retries through the uplift page", () => {
    const wording = outcomeWording("uplift_not_completed", {
      loggedIn: true,
      purpose: "see which GP surgery you are registered with",
    });
    expect(wording.heading).toBe("You have not proved who you are yet");
    expect(wording.explanation[0]).toBe(
      "NHS login did not finish checking who you are, so you cannot go on to see which GP surgery you are registered with yet.",
    );
    expect(wording.retry).toBe("uplift");
    expect(outcomeWording("uplift_not_completed", { loggedIn: false }).retry).toBe("log-in");
    expect(wording.nhsLoginHelp).toBe(true);
  });

  it("offers no retry where trying again cannot help", () => {
    for (const context of contexts) {
      expect(outcomeWording("invalid_scope", context).retry).toBeUndefined();
    }
    for (const outcome of LOGIN_OUTCOMES.filter((o) => o !== "invalid_scope")) {
      expect(outcomeWording(outcome, { loggedIn: false }).retry, outcome).toBeDefined();
    }
  });

  it("speaks to patients, not in protocol terms", () => {
    for (const outcome of LOGIN_OUTCOMES) {
      for (const context of contexts) {
        const { heading, explanation } = outcomeWording(outcome, context);
        expect([heading, ...explanation].join(" ")).not.toMatch(
          /_|\b(P0|P5|P9|vot|vtr|scope|OAuth|OIDC|token|authjs)\b/,
        );
      }
    }
  });
});
