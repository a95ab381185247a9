/** NHS numbers: 10 digits, the last a modulus-11 check digit over the first nine. */

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for nine leading digits, or undefined when no valid NHS number starts so. */
export function checkDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new Error("an NHS number starts with nine digits");
  const sum = WEIGHTS.reduce(
    (total, weight, index) => total + weight * Number(firstNine[index]),
    0,
  );
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return undefined;
  return digit;
}

export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return checkDigit(value.slice(0, 9)) === Number(value[9]);
}

/**
 * Synthetic NHS numbers from the 999 range (never issued to real people). `serial` picks the
 * n-th valid number, skipping prefixes that have no valid check digit.
 */
export function syntheticNhsNumber(serial: number): string {
  let found = -1;
  for (let body = 0; body < 1_000_000; body += 1) {
    const firstNine = `999${String(body).padStart(6, "0")}`;
    const digit = checkDigit(firstNine);
    if (digit === undefined) continue;
    found += 1;
    if (found === serial) return `${firstNine}${digit}`;
  }
  throw new Error("ran out of synthetic NHS numbers");
}

/** "9990000018" → "999 000 0018", the way NHS numbers are shown to people. */
export function formatNhsNumber(value: string): string {
  return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
}
