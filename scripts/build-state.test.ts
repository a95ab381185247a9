import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { whyBuild } from "./build-state";
import { STANDALONE_SERVER } from "./standalone-server";

const HOUR = 60 * 60 * 1000;

/**
 * A checkout whose files and folders were last changed the given times ago (in milliseconds).
 * A folder not named was last changed when the oldest file was.
 */
function checkout(files: Record<string, number>, folders: Record<string, number> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "build-state-"));
  const oldest = Math.max(...Object.values(files));
  const touch = (path: string, ago: number) => {
    const when = new Date(Date.now() - ago);
    utimesSync(path, when, when);
  };
  for (const path of Object.keys(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), "");
  }
  for (const [path, ago] of Object.entries(files)) {
    touch(join(root, path), ago);
    for (let folder = dirname(path); folder !== "."; folder = dirname(folder)) {
      touch(join(root, folder), folders[folder] ?? oldest);
    }
  }
  return root;
}

describe("whether the preview needs a build first", () => {
  it("builds when there is no production build yet", () => {
    expect(whyBuild(checkout({ "app/page.tsx": 2 * HOUR }))).toBe(
      "there is no production build yet",
    );
  });

  it("builds when a source changed after the last build, naming where", () => {
    const root = checkout({ [STANDALONE_SERVER]: HOUR, "lib/deep/config.ts": 0 });
    expect(whyBuild(root)).toBe("lib changed since the last build");
  });

  it("reuses a build newer than every source, whatever the dev server generated since", () => {
    const root = checkout(
      {
        "app/page.tsx": 2 * HOUR,
        "package-lock.json": 2 * HOUR,
        [STANDALONE_SERVER]: HOUR,
        "public/assets/logo.svg": 0,
        "app/nhsuk-frontend.generated.css": 0,
        "packages/vocabulary/node_modules/x/index.js": 0,
      },
      // Where those were written afresh, and npm ci made a node_modules.
      { public: 0, app: 0, "packages/vocabulary": 0 },
    );
    expect(whyBuild(root)).toBeUndefined();
  });

  it("builds when a source was removed or renamed in a folder since the last build", () => {
    const root = checkout({ "lib/config.ts": 2 * HOUR, [STANDALONE_SERVER]: HOUR }, { lib: 0 });
    expect(whyBuild(root)).toBe("lib changed since the last build");
  });
});
