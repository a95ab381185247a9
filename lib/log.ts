import { randomBytes } from "node:crypto";

type Level = "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | undefined>;

/**
 * One JSON line per event, for operators. Callers pass only what helps them: event names,
 * failure reasons, references. Never tokens, codes or anything about the person.
 */
export function log(level: Level, event: string, fields: Fields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A short reference a person can read out to a help desk, e.g. "K7QM-2XRD". */
export function newReference(): string {
  const chars = [...randomBytes(8)].map((byte) => ALPHABET[byte % ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

const REFERENCE = /^[A-Z2-9]{4}-[A-Z2-9]{4}$/;

export function isReference(value: unknown): value is string {
  return typeof value === "string" && REFERENCE.test(value);
}
