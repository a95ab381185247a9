import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { E2E, SIMULATOR_LOG } from "./support/environment";
import { portalLogEntries } from "./support/portal-log";

/** The Node.js release the project runs on: .nvmrc names it, package.json's engines agree. */
const NODE_MAJOR = readFileSync(".nvmrc", "utf8").trim();

test("the project names one Node.js release", () => {
  expect(NODE_MAJOR).toBe("24");
  const { engines } = JSON.parse(readFileSync("package.json", "utf8"));
  expect(engines.node).toMatch(new RegExp(`^\\^${NODE_MAJOR}\\.`));
});

test(`every portal instance and the simulator run on Node.js ${NODE_MAJOR}`, async () => {
  const runtimes: Record<string, string | undefined> = {};
  for (const { port } of E2E.portals) {
    const entries = await portalLogEntries(`http://localhost:${port}`);
    runtimes[`portal on port ${port}`] = entries.find((entry) => entry.event === "server-started")
      ?.node as string | undefined;
  }
  const simulatorLog = await readFile(SIMULATOR_LOG, "utf8");
  runtimes.simulator = /listening on .*Node\.js (v[\d.]+)/.exec(simulatorLog)?.[1];

  console.log(
    Object.entries(runtimes)
      .map(([server, version]) => `${server}: Node.js ${version ?? "(not reported)"}`)
      .join("\n"),
  );
  for (const [server, version] of Object.entries(runtimes)) {
    test.info().annotations.push({ type: "runtime", description: `${server}: ${version}` });
    expect(version, server).toMatch(new RegExp(`^v${NODE_MAJOR}\\.`));
  }
});
