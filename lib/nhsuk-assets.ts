import nhsukFrontend from "nhsuk-frontend/package.json";

/** The stylesheet copied by scripts/copy-nhsuk-assets.mjs, named by version for long caching. */
export const NHSUK_STYLESHEET = `/assets/nhsuk-frontend-${nhsukFrontend.version}.min.css`;
