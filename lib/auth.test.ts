import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = (path: string) => JSON.parse(readFileSync(path, "utf8"));

describe("next-auth and its engine", () => {
  it("are one copy: the portal calls the very engine next-auth pins", () => {
    const portal = manifest("package.json");
    const nextAuth = manifest("node_modules/next-auth/package.json");
    const engine = manifest("node_modules/@auth/core/package.json");
    expect(portal.dependencies["@auth/core"]).toBe(nextAuth.dependencies["@auth/core"]);
    expect(engine.version).toBe(nextAuth.dependencies["@auth/core"]);
    expect(existsSync("node_modules/next-auth/node_modules/@auth/core")).toBe(false);
  });
});
