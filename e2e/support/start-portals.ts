import { spawnSync } from "node:child_process";
import { startStandaloneServer } from "../../scripts/standalone-server";
import { startTestRedis } from "../../test-support/redis-server";
import { E2E, portalLogFile, REDIS } from "./environment";
import { logToFile, stopTogether } from "./process-log";
import { startTlsTerminator } from "./tls-terminator";

/**
 * Builds the portal once and serves the standalone production server, as deployed, as several
 * instances sharing one secret, with the Redis that the instances behind one address share.
 * Each instance's log is also written to a file, so tests can check what operators would see.
 */
const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const redis = await startTestRedis(REDIS.shared.port);

const servers = E2E.portals.map(({ port, env, httpsPort }) => {
  if (httpsPort) startTlsTerminator(httpsPort, port);
  const server = startStandaloneServer({
    port,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  logToFile(server, portalLogFile(port));
  return server;
});
stopTogether(servers, () => redis.stop());
