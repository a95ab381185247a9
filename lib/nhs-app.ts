/** The NHS App's web view says who it is in its user agent. */
export function isNhsApp(userAgent: string | null): boolean {
  return userAgent !== null && /nhsapp-(ios|android)/i.test(userAgent);
}
