// @vitest-environment jsdom
import { describe, it } from "vitest";
import { NotificationBanner } from "./notification-banner";
import { expectParity } from "./test-support/parity";

describe("NotificationBanner", () => {
  it("matches the macro's default banner with a heading and content", () => {
    expectParity(
      <NotificationBanner heading="Your GP surgery is closed on Friday">
        <p className="nhsuk-body">Call 111 if you need help.</p>
      </NotificationBanner>,
      "notification-banner",
      {
        heading: "Your GP surgery is closed on Friday",
        html: '<p class="nhsuk-body">Call 111 if you need help.</p>',
      },
    );
  });

  it("matches the macro's success banner with only a heading", () => {
    expectParity(
      <NotificationBanner variant="success" heading="Your details have been saved" />,
      "notification-banner",
      { variant: "success", heading: "Your details have been saved" },
    );
  });

  it("matches the macro with a custom title text and id", () => {
    expectParity(
      <NotificationBanner title={{ text: "Service update", id: "update-title" }} heading="New">
        <p>Content</p>
      </NotificationBanner>,
      "notification-banner",
      {
        title: { text: "Service update", id: "update-title" },
        heading: "New",
        html: "<p>Content</p>",
      },
    );
    expectParity(
      <NotificationBanner variant="success" title="Done" heading="Saved" />,
      "notification-banner",
      { variant: "success", title: "Done", heading: "Saved" },
    );
  });
});
