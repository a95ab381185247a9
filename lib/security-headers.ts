import { contentSecurityPolicy } from "./content-security-policy";

/** One year: what HSTS preload lists and NHS guidance expect. */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Headers every response carries, including those the proxy never sees (static files, 404s
 * under /assets/ and /_next/, the sign-in callback and the health endpoints). next.config applies them,
 * so they are fixed when the portal is built and may depend on nothing a deployment sets:
 *
 * - HSTS is sent always: browsers ignore it over plain http (RFC 6797), so local http is safe.
 * - The Content-Security-Policy here has no nonce and so allows no inline script; on pages the
 *   proxy replaces it with the per-response policy that carries the nonce, so a page never
 *   gets two.
 */
export function staticSecurityHeaders(options: { dev: boolean }): { key: string; value: string }[] {
  return [
    {
      key: "Content-Security-Policy",
      value: contentSecurityPolicy(undefined, { ...options, https: false }),
    },
    { key: "Strict-Transport-Security", value: HSTS },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
  ];
}
