import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { portalLogFile } from "./environment";

/** One line of the portal's operator log (see lib/log.ts). */
export interface LogEntry {
  level: string;
  event: string;
  reference?: string;
  [field: string]: unknown;
}

function portOf(origin: string): number {
  return Number(new URL(origin).port);
}

/** Everything the portal instance at this origin has logged so far in this run. */
export async function portalLogText(origin: string): Promise<string> {
  return readFile(portalLogFile(portOf(origin)), "utf8");
}

/** Every JSON line the portal instance at this origin has logged so far in this run. */
export async function portalLogEntries(origin: string): Promise<LogEntry[]> {
  return (await portalLogText(origin))
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogEntry);
}

/** The line an operator finds when a person reads out the reference from an error page. */
export async function expectLogged(origin: string, reference: string): Promise<LogEntry> {
  let found: LogEntry | undefined;
  await expect
    .poll(
      async () => {
        found = (await portalLogEntries(origin)).find((entry) => entry.reference === reference);
        return found;
      },
      { message: `the portal's log names reference ${reference}` },
    )
    .toBeDefined();
  return found!;
}

/**
 * Runs a check and, if it fails, adds to its error what the portal instance logged while it ran
 * (the evidence a failure on a loaded machine otherwise takes with it).
 */
export async function withPortalLog<T>(origin: string, check: () => Promise<T>): Promise<T> {
  const since = new Date().toISOString();
  try {
    return await check();
  } catch (error) {
    const logged = (await portalLogEntries(origin)).filter(
      (entry) => typeof entry.time === "string" && entry.time >= since,
    );
    if (error instanceof Error) {
      error.message += `\n\nThe portal logged meanwhile:\n${logged.map((entry) => JSON.stringify(entry)).join("\n")}`;
    }
    throw error;
  }
}
