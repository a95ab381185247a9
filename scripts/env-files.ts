import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/**
 * What Next.js reads from this checkout's .env files for the production server or the
 * development one, later files winning; the environment itself wins over all of them. A
 * deployment sets real environment variables instead.
 */
export function envFiles(mode: "production" | "development"): Record<string, string> {
  const files = [".env", `.env.${mode}`, ".env.local", `.env.${mode}.local`];
  return Object.assign(
    {},
    ...files.filter((file) => existsSync(file)).map((file) => parseEnv(readFileSync(file, "utf8"))),
  );
}
