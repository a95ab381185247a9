import { spawn, spawnSync } from "node:child_process";
import { E2E } from "./environment";

/** Builds the portal once and serves the build twice, as two instances behind one secret. */
const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const servers = E2E.portals.map(({ port, env }) =>
  spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
  }),
);
for (const server of servers) {
  server.on("exit", (code) => {
    for (const other of servers) other.kill("SIGTERM");
    process.exit(code ?? 1);
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => servers.forEach((server) => server.kill(signal)));
}
