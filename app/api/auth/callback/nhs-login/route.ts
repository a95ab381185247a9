import { handleCallback } from "@/lib/sign-in/callback";

/**
 * NHS login's redirect back to the portal. Nothing else under /api/auth exists: next-auth's
 * other endpoints (sign-in by POST, session, CSRF, sign-out) are not exposed, and other methods
 * on this path answer 405.
 */
export const GET = handleCallback;
