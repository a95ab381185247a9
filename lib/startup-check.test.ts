import { afterEach, describe, expect, it, vi } from "vitest";
import { getConfig, type Config } from "./config";
import { log } from "./log";
import { checkConfigurationOrExit } from "./startup-check";

vi.mock("./config", async (original) => ({
  ...(await original<typeof import("./config")>()),
  getConfig: vi.fn(),
}));
vi.mock("./log", async (original) => ({
  ...(await original<typeof import("./log")>()),
  log: vi.fn(),
}));

function starting(config: Pick<Config, "nhsApi" | "goLiveOverrides">): void {
  vi.mocked(getConfig).mockReturnValue(config as Config);
  checkConfigurationOrExit({});
}

afterEach(() => {
  vi.mocked(log).mockReset();
});

describe("start-up", () => {
  it("says at every start which go-live guard an override let through", () => {
    const problem = 'SERVICE_NAME: still this template\'s "Patient portal"';
    starting({
      nhsApi: { status: "not-available", environment: "none" },
      goLiveOverrides: [{ override: "ALLOW_TEMPLATE_CONTENT", problem }],
    });
    expect(log).toHaveBeenCalledWith("warn", "go-live-check-overridden", {
      override: "ALLOW_TEMPLATE_CONTENT",
      problem,
    });
    expect(log).toHaveBeenCalledWith("info", "nhs-api-not-available");
  });

  it("says nothing of go-live guards when none was overridden", () => {
    starting({ nhsApi: { status: "not-available", environment: "none" }, goLiveOverrides: [] });
    expect(vi.mocked(log).mock.calls.map(([, event]) => event)).toEqual(["nhs-api-not-available"]);
  });
});
