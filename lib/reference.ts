import { randomBytes } from "node:crypto";

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
