import { randomBytes } from "node:crypto";

/** A fresh value per response: only scripts the portal itself rendered carry it. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * No inline script runs without this response's nonce (Next.js adds it to its own scripts, the
 * layout to the NHS.UK body snippet and, inside the NHS App, to the app's own script, whose
 * origin is named too for browsers that do not know 'strict-dynamic'); no framing; nothing loaded
 * from elsewhere but the NHS fonts; forms go only to the portal and, for "Manage your NHS login"
 * (a POST the portal answers with a redirect, which browsers hold to this rule too), to NHS
 * login's settings site. Development adds what `next dev`'s hot reloading needs.
 *
 * Without a nonce (lib/security-headers.ts: responses the proxy does not see, such as static
 * files and API routes) no inline script runs at all, and forms go only to the portal.
 */
export function contentSecurityPolicy(
  nonce: string | undefined,
  options: {
    dev: boolean;
    https: boolean;
    settingsOrigin?: string;
    /** Inside the NHS App only: where its JavaScript API comes from (loaded with the nonce). */
    nhsAppScriptOrigin?: string;
  },
) {
  const nhsApp = nonce && options.nhsAppScriptOrigin ? ` ${options.nhsAppScriptOrigin}` : "";
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${nhsApp}` : "'self'";
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${options.dev ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self' https://assets.nhs.uk",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${options.settingsOrigin ? ` ${options.settingsOrigin}` : ""}`,
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
