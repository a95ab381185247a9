import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PORTAL_COMPONENTS } from "./nhsuk-frontend-components";

describe("PORTAL_COMPONENTS", () => {
  it("are exactly the nhsuk-frontend components the portal's markup names", () => {
    const named = new Set<string>();
    const markup = ["app", "components"].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".tsx") && !file.endsWith(".test.tsx"))
        .map((file) => join(folder, file)),
    );
    for (const file of markup) {
      const source = readFileSync(file, "utf8");
      for (const [, name] of source.matchAll(/data-module(?:"\s*:\s*|=)"(nhsuk-[a-z-]+)"/g)) {
        named.add(name!);
      }
    }
    expect(named.size).toBeGreaterThan(0);
    expect(PORTAL_COMPONENTS.map((Component) => Component.moduleName).sort()).toEqual(
      [...named].sort(),
    );
  });
});
