// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NhsAppApi } from "@/lib/nhs-app-api";
import { NhsAppBridge } from "./nhs-app-bridge";

function fakeApp(): NhsAppApi {
  return {
    tools: { isOpenInNHSApp: () => true, getAppPlatform: () => "ios" },
    navigation: {
      AppPage: {
        HOME_PAGE: "home",
        SERVICES: "services",
        YOUR_HEALTH: "health",
        MESSAGES: "messages",
        UPLIFT: "uplift-page",
        GO_BACK: "back",
      },
      goToHomepage: vi.fn(),
      goToPage: vi.fn(),
      openBrowserOverlay: vi.fn(),
      openExternalBrowser: vi.fn(),
      setBackAction: vi.fn(),
      clearBackAction: vi.fn(),
    },
  };
}

/** Clicks a link as a person does; whether the browser would still have followed it. */
function click(name: string): boolean {
  return fireEvent.click(screen.getByRole("link", { name }));
}

function page(withBackLink: boolean) {
  render(
    <>
      {withBackLink && (
        <a className="nhsuk-back-link" href="/profile">
          Back
        </a>
      )}
      <a href="https://111.nhs.uk">111.nhs.uk</a>
      <a href="/gp-practice">Your GP surgery</a>
      <a href="https://www.nhsapp.service.nhs.uk/" data-nhs-app="home">
        Go back to the NHS App
      </a>
      <a href="/auth/sign-in?returnTo=%2Fnhs-record" data-nhs-app="uplift">
        Continue
      </a>
      <NhsAppBridge />
    </>,
  );
}

afterEach(() => {
  cleanup();
  delete window.nhsapp;
});

describe("inside the NHS App, with its script", () => {
  it("opens other websites in the app's browser overlay, and leaves the portal's own links alone", () => {
    const app = (window.nhsapp = fakeApp());
    page(false);
    expect(click("111.nhs.uk")).toBe(false);
    expect(app.navigation.openBrowserOverlay).toHaveBeenCalledWith("https://111.nhs.uk/");
    expect(click("Your GP surgery")).toBe(true);
    expect(app.navigation.openBrowserOverlay).toHaveBeenCalledTimes(1);
  });

  it("goes back to the app's home, and into the app's own identity check", () => {
    const app = (window.nhsapp = fakeApp());
    page(false);
    expect(click("Go back to the NHS App")).toBe(false);
    expect(app.navigation.goToHomepage).toHaveBeenCalledTimes(1);
    expect(click("Continue")).toBe(false);
    expect(app.navigation.goToPage).toHaveBeenCalledWith("uplift-page");
  });

  it("sends the app's back button where the page's back link goes, or back to the app", () => {
    const app = (window.nhsapp = fakeApp());
    page(false);
    const [toApp] = vi.mocked(app.navigation.setBackAction).mock.calls[0]!;
    toApp();
    expect(app.navigation.goToHomepage).toHaveBeenCalledTimes(1);
    cleanup();

    const assign = vi.fn();
    vi.spyOn(window, "location", "get").mockReturnValue({ ...window.location, assign });
    page(true);
    const [toBackLink] = vi.mocked(app.navigation.setBackAction).mock.calls[1]!;
    toBackLink();
    expect(assign).toHaveBeenCalledWith(new URL("/profile", document.baseURI).href);
    vi.restoreAllMocks();
  });
});

describe("without the app's script", () => {
  it("leaves every link an ordinary link", () => {
    page(true);
    for (const name of ["111.nhs.uk", "Go back to the NHS App", "Continue", "Your GP surgery"]) {
      expect(click(name), name).toBe(true);
    }
  });
});
