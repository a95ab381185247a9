// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Card } from "./card";
import { expectParity } from "./test-support/parity";

describe("Card", () => {
  it("matches the macro as a basic card with a description", () => {
    expectParity(
      <Card heading="Your appointments" description="See and manage your appointments." />,
      "card",
      { heading: "Your appointments", description: "See and manage your appointments." },
    );
  });

  it("matches the macro with a heading level and size", () => {
    const heading = { text: "Prescriptions", level: 3, size: "m" } as const;
    expectParity(<Card heading={heading} description="Order a repeat." />, "card", {
      heading,
      description: { text: "Order a repeat." },
    });
  });

  it("matches the macro with children as the description's html", () => {
    expectParity(
      <Card heading="Your details">
        <p className="nhsuk-card__description">Name, address and contact details.</p>
      </Card>,
      "card",
      {
        heading: "Your details",
        description: {
          html: '<p class="nhsuk-card__description">Name, address and contact details.</p>',
        },
      },
    );
  });

  it("matches the macro with a linked heading", () => {
    expectParity(<Card heading="Profile" href="/profile" description="Your details" />, "card", {
      heading: "Profile",
      href: "/profile",
      description: "Your details",
    });
  });

  it("matches the macro as a clickable card", () => {
    expectParity(
      <Card heading="Messages" href="/messages" clickable description="Read your messages." />,
      "card",
      {
        heading: "Messages",
        href: "/messages",
        clickable: true,
        description: "Read your messages.",
      },
    );
  });

  it.each(["feature", "primary", "secondary"] as const)("matches the %s variant", (variant) => {
    expectParity(
      <Card heading="Test results" href="/results" clickable variant={variant} description="D" />,
      "card",
      { heading: "Test results", href: "/results", clickable: true, variant, description: "D" },
    );
    expectParity(<Card heading="Test results" variant={variant} description="D" />, "card", {
      heading: "Test results",
      variant,
      description: "D",
    });
  });
});
