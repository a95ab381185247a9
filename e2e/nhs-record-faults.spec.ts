import { expect, test } from "@playwright/test";
import type { FaultName } from "../simulator/faults";
import { expectAccessible } from "./support/axe";
import { E2E } from "./support/environment";
import { injectFault, logIn, newPersonDetails } from "./support/nhs-login";
import { expectLogged } from "./support/portal-log";

/**
 * The API platform refusing or failing, one fault at a time: the record page says so in itself,
 * with a reference an operator finds in the log; it never answers 500 or hangs (the portals run
 * with NHS_API_TIMEOUT_MS=3000); the rest of the portal carries on; and the next visit works,
 * with nothing kept from the failure.
 */

const FAULTS: Array<{ fault: FaultName; reason: string }> = [
  { fault: "api_token_refused", reason: "refused" },
  { fault: "api_token_server_error", reason: "server-error" },
  { fault: "api_token_slow", reason: "timeout" },
  { fault: "pds_unauthorized", reason: "refused" },
  { fault: "pds_rate_limited", reason: "rate-limited" },
  { fault: "pds_server_error", reason: "server-error" },
  { fault: "pds_unavailable", reason: "server-error" },
  { fault: "pds_slow", reason: "timeout" },
  { fault: "pds_down", reason: "unreachable" },
];

/** The portals' NHS_API_TIMEOUT_MS, and room for a page around it on a busy machine. */
const TIMEOUT_MS = 3_000;

for (const { fault, reason } of FAULTS) {
  test(`${fault}: a message in the page with a reference, and the portal carries on`, async ({
    page,
  }) => {
    const person = await newPersonDetails("p9");
    // A P9 page that calls no API: no platform token yet, so the fault meets the first exchange.
    await logIn(page, person.id, "/gp-online-services");
    await injectFault(person.id, fault);

    const started = Date.now();
    const response = await page.goto("/nhs-record");
    const waited = Date.now() - started;
    expect(response?.status()).toBe(200);
    expect(waited, "gives up after NHS_API_TIMEOUT_MS, at most once per call").toBeLessThan(
      2 * TIMEOUT_MS + 5_000,
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your NHS record");
    const problem = page.getByTestId("nhs-record-problem");
    await expect(problem).toHaveAttribute("data-reason", reason);
    await expect(problem.getByRole("heading")).toHaveText(
      "Sorry, we cannot show your NHS record at the moment",
    );
    if (reason === "rate-limited") await expect(problem).toContainText("Try again in a minute.");
    const reference = (await page.getByTestId("error-reference").textContent())!;
    const logged = await expectLogged(E2E.portal, reference);
    expect(logged).toMatchObject({
      event: "nhs-api-failed",
      api: fault.startsWith("api_token") ? "token" : "pds",
      reason,
    });
    await expectAccessible(page);

    // The rest of the portal, including pages that ask PDS themselves, works.
    await page.goto("/profile");
    await expect(page.locator(".nhsuk-summary-list")).toContainText(person.email);
    await page.goto("/gp-practice");
    await expect(page.locator(".nhsuk-summary-list")).toContainText(
      person.demographics!.gpOdsCode!,
    );
    // And the record itself, with no restart and nothing kept from the failure.
    await page.goto("/nhs-record");
    await expect(page.getByTestId("record-address")).toContainText("Simulation Road");
  });
}
