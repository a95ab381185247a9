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

/** What the person changes in NHS login itself; the rest NHS login takes from the NHS record. */
const KEPT_IN_NHS_LOGIN: ReadonlySet<RecordDifference> = new Set(["phone", "email"]);

/** The differences, split by where the person changes them. */
export function whereToChange(differences: readonly RecordDifference[]): {
  inNhsLogin: RecordDifference[];
  atGpSurgery: RecordDifference[];
} {
  return {
    inNhsLogin: differences.filter((difference) => KEPT_IN_NHS_LOGIN.has(difference)),
    atGpSurgery: differences.filter((difference) => !KEPT_IN_NHS_LOGIN.has(difference)),
  };
}
