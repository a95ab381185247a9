import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { NHSUK_FONTS } from "./nhsuk-fonts";

describe("NHSUK_FONTS", () => {
  it("are the fonts nhsuk-frontend's stylesheet loads, so a preload is never wasted", () => {
    const css = readFileSync(
      createRequire(import.meta.url).resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css"),
      "utf8",
    );
    const loaded = [
      ...css.matchAll(/url\((https:\/\/assets\.nhs\.uk\/fonts\/[^)]+\.woff2)\)/g),
    ].map((match) => match[1]);
    expect([...loaded].sort()).toEqual([...NHSUK_FONTS].sort());
  });
});
