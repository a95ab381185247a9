// @vitest-environment jsdom
import { describe, it } from "vitest";
import { InsetText } from "./inset-text";
import { expectParity } from "./test-support/parity";

describe("InsetText", () => {
  it("matches the macro's html option", () => {
    expectParity(
      <InsetText>
        <p>You can change these details in the NHS App.</p>
      </InsetText>,
      "inset-text",
      { html: "<p>You can change these details in the NHS App.</p>" },
    );
  });

  it("matches the macro with a custom visually hidden prefix", () => {
    expectParity(
      <InsetText visuallyHiddenText="Note">
        <p>First</p>
        <p>Second</p>
      </InsetText>,
      "inset-text",
      { html: "<p>First</p>\n<p>Second</p>", visuallyHiddenText: "Note" },
    );
  });
});
