import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      // Pages link with plain <a>, as the NHS.UK components do: every navigation is a full,
      // server-rendered request through the proxy, and works without JavaScript.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "public/assets/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "simulator/dist/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
