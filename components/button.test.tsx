// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Button } from "./button";
import { expectParity } from "./test-support/parity";

describe("Button", () => {
  it("matches the macro as a link", () => {
    expectParity(<Button href="/appointments">Book</Button>, "button", {
      href: "/appointments",
      text: "Book",
    });
  });

  it("matches the macro as a submit button", () => {
    expectParity(<Button>Save and continue</Button>, "button", { text: "Save and continue" });
  });

  it("matches the macro as a plain button with name and value", () => {
    expectParity(
      <Button type="button" name="choice" value="yes">
        Yes
      </Button>,
      "button",
      { text: "Yes", type: "button", name: "choice", value: "yes" },
    );
  });

  it.each(["secondary", "reverse", "warning"] as const)("matches the %s variant", (variant) => {
    expectParity(<Button variant={variant}>Go</Button>, "button", { text: "Go", variant });
    expectParity(
      <Button variant={variant} href="/go">
        Go
      </Button>,
      "button",
      { text: "Go", variant, href: "/go" },
    );
  });

  it.each([true, false])("matches the macro with preventDoubleClick %s", (preventDoubleClick) => {
    expectParity(<Button preventDoubleClick={preventDoubleClick}>Send</Button>, "button", {
      text: "Send",
      preventDoubleClick,
    });
  });

  it("matches the macro when disabled and small", () => {
    expectParity(
      <Button disabled small>
        Wait
      </Button>,
      "button",
      { text: "Wait", disabled: true, small: true },
    );
  });

  it("matches the macro with id, classes and attributes", () => {
    expectParity(
      <Button
        href="/start"
        id="start"
        classes="nhsuk-u-margin-bottom-0"
        attributes={{ "data-testid": "start", "aria-describedby": "hint" }}
      >
        Start
      </Button>,
      "button",
      {
        href: "/start",
        text: "Start",
        id: "start",
        classes: "nhsuk-u-margin-bottom-0",
        attributes: { "data-testid": "start", "aria-describedby": "hint" },
      },
    );
  });

  it("matches the macro's html option with element children", () => {
    expectParity(
      <Button>
        Delete <span className="nhsuk-u-visually-hidden">appointment</span>
      </Button>,
      "button",
      { html: 'Delete <span class="nhsuk-u-visually-hidden">appointment</span>' },
    );
  });
});
