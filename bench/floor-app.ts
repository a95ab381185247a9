/**
 * The framework's floor: the cheapest dynamic page the installed Next.js and React can serve.
 * A bare app of the same versions, with one page that reads a request header and so renders on
 * every request as the portal's pages do, built as a standalone server like the portal's. It is
 * built once into the system's temporary folder, keyed by the versions and by its own source, so
 * that an upgrade (or a change to the app below) builds it again.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

function installedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
  return (manifest as { version: string }).version;
}

export interface FloorVersions {
  next: string;
  react: string;
  reactDom: string;
}

export function floorVersions(): FloorVersions {
  return {
    next: installedVersion("next"),
    react: installedVersion("react"),
    reactDom: installedVersion("react-dom"),
  };
}

function sources(versions: FloorVersions): Record<string, string> {
  return {
    "package.json": JSON.stringify({
      private: true,
      dependencies: {
        next: versions.next,
        react: versions.react,
        "react-dom": versions.reactDom,
      },
    }),
    // Without the tracing root, Next.js would look for a lockfile in the folders above.
    "next.config.mjs":
      'export default { output: "standalone", outputFileTracingRoot: import.meta.dirname };\n',
    "app/layout.jsx": `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
    "app/page.jsx": `import { headers } from "next/headers";

export const dynamic = "force-dynamic";

export default async function Page() {
  const agent = (await headers()).get("user-agent") ?? "no user agent";
  return (
    <main>
      <h1>The framework's floor</h1>
      <p>{agent}</p>
    </main>
  );
}
`,
  };
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (${result.status})`);
  }
}

/**
 * The folder of the floor's standalone server (its `server.js`), built first if need be. The
 * build happens in a folder of its own and is moved into place when complete, so that an
 * interrupted build, or two checkouts building at once, leave nothing half made.
 */
export function floorApp(versions: FloorVersions = floorVersions()): string {
  const files = sources(versions);
  const digest = createHash("sha256").update(JSON.stringify(files)).digest("hex").slice(0, 8);
  const cache = join(tmpdir(), "nhs-login-portal-bench-floor");
  const server = join(cache, `next-${versions.next}-react-${versions.react}-${digest}`);
  if (existsSync(join(server, "server.js"))) return server;

  console.log(
    `Building the framework's floor (Next.js ${versions.next}, React ${versions.react})…`,
  );
  mkdirSync(cache, { recursive: true });
  const project = mkdtempSync(join(cache, "building-"));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), text);
    }
    // The registry's packages of the same versions as the portal's, from npm's cache when there.
    run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"],
      project,
    );
    // The portal builds with webpack (package.json's build script); so does its floor.
    run(process.execPath, ["node_modules/next/dist/bin/next", "build", "--webpack"], project);
    const standalone = join(project, ".next", "standalone");
    cpSync(join(project, ".next", "static"), join(standalone, ".next", "static"), {
      recursive: true,
    });
    try {
      renameSync(standalone, server);
    } catch (error) {
      // Another run finished the same build first; its copy serves as well as this one.
      if (!existsSync(join(server, "server.js"))) throw error;
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
  return server;
}
