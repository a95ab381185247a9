import type { RecordDifference } from "@/lib/nhs-api";

const WORDS: Record<RecordDifference, string> = {
  name: "name",
  "date-of-birth": "date of birth",
  phone: "phone number",
  email: "email address",
  "gp-surgery": "GP surgery",
};

/** "name", "name and phone number", "name, date of birth and email address". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The details NHS login holds differently from the NHS record, in words. */
export function describeDifferences(differences: readonly RecordDifference[]): string {
  return listOf(differences.map((difference) => WORDS[difference]));
}

/** Whether any of these are details the person changes in NHS login itself. */
export function includesLoginContactDetails(differences: readonly RecordDifference[]): boolean {
  return differences.includes("phone") || differences.includes("email");
}
