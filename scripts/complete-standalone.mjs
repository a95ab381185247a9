// Runs after `next build`: completes the standalone server in .next/standalone so that the folder
// alone is what production runs, with `node server.js`. Next.js leaves out the static files
// (the client chunks, with the bundled NHS.UK stylesheet, and public/, with its images), expecting a CDN to
// serve them; the portal serves its own.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const standalone = join(root, ".next", "standalone");
if (!existsSync(join(standalone, "server.js"))) {
  throw new Error(
    'No standalone server in .next/standalone: next.config must set output: "standalone".',
  );
}
cpSync(join(root, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
cpSync(join(root, "public"), join(standalone, "public"), { recursive: true });

// Next.js's own SIGTERM handler exits as soon as in-flight requests end, however long that takes,
// and cannot close the session store. The portal's (lib/shutdown.ts) bounds the wait and closes
// it; Next.js stands aside for it when NEXT_MANUAL_SIG_HANDLE is set. Setting it in the server's
// entry means `node server.js` shuts down gracefully with no extra environment to remember.
const server = join(standalone, "server.js");
const handOver = 'process.env.NEXT_MANUAL_SIG_HANDLE ??= "true"; // the portal handles SIGTERM\n';
const source = readFileSync(server, "utf8");
if (!source.startsWith(handOver)) writeFileSync(server, handOver + source);
