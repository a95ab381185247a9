import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { startTestRedis } from "../../test-support/redis-server";
import { E2E, portalLogFile, REDIS } from "./environment";
import { startTlsTerminator } from "./tls-terminator";

/**
 * Builds the portal once and serves the build as several instances sharing one secret, with the
 * Redis that the instances behind one address share. Each instance's log is also written to a
 * file, so tests can check what operators would see.
 */
const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const redis = await startTestRedis(REDIS.shared.port);

const servers = E2E.portals.map(({ port, env, httpsPort }) => {
  if (httpsPort) startTlsTerminator(httpsPort, port);
  const logFile = portalLogFile(port);
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const server = spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
  });
  server.stdout.on("data", (chunk: Buffer) => (log.write(chunk), process.stdout.write(chunk)));
  server.stderr.on("data", (chunk: Buffer) => (log.write(chunk), process.stderr.write(chunk)));
  return server;
});
for (const server of servers) {
  server.on("exit", async (code) => {
    for (const other of servers) other.kill("SIGTERM");
    await redis.stop();
    process.exit(code ?? 1);
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => servers.forEach((server) => server.kill(signal)));
}
