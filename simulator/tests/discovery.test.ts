import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulatorForFile } from "./helpers";

const world = simulatorForFile();

/** NHS login sandpit's published discovery document, kept with its source named. */
const published = JSON.parse(
  readFileSync(new URL("../reference/nhs-login-sandpit-discovery.json", import.meta.url), "utf8"),
) as { source: string; document: Record<string, unknown> };

const isUrlField = (field: string) =>
  field === "issuer" || field.endsWith("_endpoint") || field.endsWith("_uri");

async function served(): Promise<Record<string, unknown>> {
  const response = await fetch(`${world.issuer}/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("the discovery document, against NHS login sandpit's published one", () => {
  it("names its source", () => {
    expect(published.source).toContain("NHSDigital/dtos-participant-manager");
  });

  it("has the same fields, in the same order", async () => {
    expect(Object.keys(await served())).toEqual(Object.keys(published.document));
  });

  it("has the same value in every field but the URLs", async () => {
    const document = await served();
    for (const [field, value] of Object.entries(published.document)) {
      if (!isUrlField(field)) expect(document[field], field).toEqual(value);
    }
  });

  it("has the same paths on the issuer's host, and its own URL for every other endpoint", async () => {
    const document = await served();
    const publishedIssuer = new URL(String(published.document.issuer));
    expect(document.issuer).toBe(world.issuer);
    for (const [field, value] of Object.entries(published.document)) {
      if (!isUrlField(field) || field === "issuer") continue;
      const ours = new URL(String(document[field]));
      expect(ours.origin, field).toBe(world.issuer);
      const theirs = new URL(String(value));
      if (theirs.origin === publishedIssuer.origin)
        expect(ours.pathname, field).toBe(theirs.pathname);
    }
  });

  it("answers the FIDO UAF endpoints it advertises with 501: they are not simulated", async () => {
    const document = await served();
    for (const field of Object.keys(document).filter((name) => name.startsWith("fido_uaf_"))) {
      const response = await fetch(String(document[field]), { method: "POST" });
      expect(response.status, field).toBe(501);
      expect(await response.json()).toMatchObject({ error: "not_supported" });
    }
  });
});
