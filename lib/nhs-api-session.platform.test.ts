/** The process's API client, as the configuration says: a platform, or why there is none. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getConfig, type Config, type NhsApiConfig } from "./config";

vi.mock("./config", async (original) => ({
  ...(await original<typeof import("./config")>()),
  getConfig: vi.fn(),
}));

async function clientFor(nhsApi: NhsApiConfig) {
  vi.mocked(getConfig).mockReturnValue({ nhsApi } as Config);
  const { nhsApi: client } = await import("./nhs-api-session");
  return client();
}

beforeEach(() => {
  vi.resetModules();
});

describe("the portal's API client without a platform", () => {
  it.each([
    [{ status: "not-available", environment: "none" }, "not-available"],
    [{ status: "not-configured", environment: "integration", reason: "no key" }, "not-configured"],
  ] as const)("answers every call with why there is none (%o)", async (nhsApi, reason) => {
    const api = await clientFor(nhsApi);
    expect(await api.readOrganization({ odsCode: "Y90002", reference: "K7QM-2XRD" })).toEqual({
      ok: false,
      failure: { reason },
    });
  });
});
