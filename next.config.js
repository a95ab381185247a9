/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run build` writes a server that runs with `node server.js` and needs no node_modules
  // of the repository; scripts/complete-standalone.mjs adds the static files it serves.
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole repository once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Security headers everywhere (the proxy adds the per-response CSP); long caching for the
  // versioned nhsuk-frontend stylesheet and its images.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
          },
        ],
      },
      {
        source: "/assets/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
