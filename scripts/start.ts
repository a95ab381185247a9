import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { envFiles } from "./env-files";
import { startStandaloneServer, STANDALONE_SERVER } from "./standalone-server";

/**
 * `npm start`: the standalone production server, as deployed, with this checkout's .env files
 * (which a deployment sets as real environment variables instead). Ctrl+C stops it gracefully.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", short: "H", default: "0.0.0.0" },
  },
});

if (!existsSync(STANDALONE_SERVER)) {
  console.error("No production build yet: run npm run build first.");
  process.exit(1);
}

const server = startStandaloneServer({
  port: Number(values.port),
  hostname: values.hostname,
  env: { ...envFiles("production"), ...process.env },
});
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
