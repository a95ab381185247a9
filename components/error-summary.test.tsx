// @vitest-environment jsdom
import { describe, it } from "vitest";
import { ErrorSummary } from "./error-summary";
import { expectParity } from "./test-support/parity";

const errorList = [
  { href: "#email", text: "Enter an email address" },
  { href: "#phone", text: "Enter a phone number, like 07700 900 982" },
];

describe("ErrorSummary", () => {
  it("matches the macro with linked errors", () => {
    expectParity(
      <ErrorSummary heading="There is a problem" errorList={errorList} />,
      "error-summary",
      { heading: "There is a problem", errorList },
    );
  });

  it("matches the macro with a description and an unlinked error", () => {
    const errors = [...errorList, { text: "Your session has expired" }];
    expectParity(
      <ErrorSummary
        heading="There is a problem"
        description="Check the following:"
        errorList={errors}
      />,
      "error-summary",
      { heading: "There is a problem", description: "Check the following:", errorList: errors },
    );
  });

  it("matches the macro's description html and an empty error list", () => {
    expectParity(
      <ErrorSummary
        heading="Sign-in failed"
        description={
          <>
            Try again or <a href="/help">get help</a>.
          </>
        }
        errorList={[]}
      />,
      "error-summary",
      {
        heading: "Sign-in failed",
        description: { html: 'Try again or <a href="/help">get help</a>.' },
        errorList: [],
      },
    );
  });
});
