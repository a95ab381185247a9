/** What a patient is shown of a GP surgery from the Organisation Data Service. */
import type { OdsOrganization } from "./fhir";

export interface SurgeryView {
  odsCode: string;
  /** In everyday capitals: ODS holds names in upper case ("SIMBRIDGE SURGERY"). */
  name?: string;
  /** Address lines, town and postcode, each a line. */
  address: string[];
  phone?: string;
  /** False when ODS records the surgery as closed. */
  open: boolean;
}

const KEEP_UPPER = new Set(["NHS", "GP", "GPS", "PCN", "ICB", "UK", "HSCIC", "CCG", "LLP"]);
const KEEP_LOWER = new Set(["and", "of"]);
/** The small words inside place names: Stoke-on-Trent, Newcastle-upon-Tyne, Chester-le-Street. */
const PLACE_JOINS = new Set(["on", "upon", "under", "le", "in", "by", "the", "super", "en"]);

function capitalise(part: string): string {
  return part.charAt(0).toUpperCase() + part.slice(1);
}

function displayWord(word: string, first: boolean): string {
  if (KEEP_UPPER.has(word.replace(/[^A-Z]/gi, "").toUpperCase()) || /\d/.test(word)) return word;
  const lower = word.toLowerCase();
  if (!first && KEEP_LOWER.has(lower)) return lower;
  // Hyphenated parts each get a capital, except the joins of place names; so does a name after
  // a one-letter prefix (O'Neill).
  const parts = lower.split("-");
  return parts
    .map((part, index) =>
      index > 0 && index < parts.length - 1 && PLACE_JOINS.has(part)
        ? part
        : capitalise(part).replace(
            /^(\w')(\w)/,
            (_, prefix: string, letter: string) => `${prefix.toUpperCase()}${letter.toUpperCase()}`,
          ),
    )
    .join("-");
}

/** "ST. JAMES'S NHS SURGERY" → "St. James's NHS Surgery". Text already in mixed case is kept. */
export function displayCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .trim()
    .split(/\s+/)
    .map((word, index) => displayWord(word, index === 0))
    .join(" ");
}

export function surgeryView(organization: OdsOrganization): SurgeryView {
  const address = organization.address?.[0];
  const phone = organization.telecom?.find(
    (point) => point.system === "phone" && point.value,
  )?.value;
  return {
    odsCode: organization.id,
    ...(organization.name ? { name: displayCase(organization.name) } : {}),
    address: [
      ...(address?.line ?? []).map(displayCase),
      ...(address?.city ? [displayCase(address.city)] : []),
      ...(address?.postalCode ? [address.postalCode.toUpperCase()] : []),
    ],
    ...(phone ? { phone } : {}),
    open: organization.active !== false,
  };
}
