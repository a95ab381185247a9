// @vitest-environment jsdom
import { describe, it } from "vitest";
import { WarningCallout } from "./warning-callout";
import { expectParity } from "./test-support/parity";

describe("WarningCallout", () => {
  it("matches the macro with text and a heading that needs the visually hidden prefix", () => {
    expectParity(
      <WarningCallout heading="Check your details" text="Tell your GP if anything is wrong." />,
      "warning-callout",
      { heading: "Check your details", text: "Tell your GP if anything is wrong." },
    );
  });

  it("matches the macro with a heading that already says important", () => {
    expectParity(
      <WarningCallout heading="Important" text="Do not share your code." />,
      "warning-callout",
      { heading: "Important", text: "Do not share your code." },
    );
  });

  it("matches the macro's html option, heading level and visually hidden text", () => {
    expectParity(
      <WarningCallout heading={{ text: "Urgent", level: 2 }} visuallyHiddenText="Warning">
        <p>Call 999 if it is an emergency.</p>
      </WarningCallout>,
      "warning-callout",
      {
        heading: { text: "Urgent", level: 2 },
        visuallyHiddenText: "Warning",
        html: "<p>Call 999 if it is an emergency.</p>",
      },
    );
  });
});
