import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/security-headers";

export default function nextConfig(phase: string): NextConfig {
  return {
    // `npm run build` writes a server that runs with `node server.js` and needs no node_modules
    // of the repository; scripts/complete-standalone.mjs adds the static files it serves.
    output: "standalone",
    poweredByHeader: false,
    reactStrictMode: true,
    // `next dev`'s indicator sits over the footer's links on a phone's screen, wherever it is
    // placed; errors still open Next.js's overlay without it.
    devIndicators: false,
    // `npm run typecheck` checks the whole repository once; the build need not do it again.
    typescript: { ignoreBuildErrors: true },
    // Security headers on every response (lib/security-headers.ts); long caching for the
    // versioned nhsuk-frontend stylesheet and its images.
    async headers() {
      return [
        {
          source: "/:path*",
          headers: staticSecurityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }),
        },
        {
          source: "/assets/:path*",
          headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
        },
      ];
    },
  };
}
