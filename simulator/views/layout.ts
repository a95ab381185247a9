import { markup, type HtmlValue, type SafeHtml } from "./html";

export const SIMULATOR_NOTICE = "This is a simulator, not NHS login";

const NHS_LOGO = markup`<svg class="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
          <title>NHS</title>
          <path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"/>
        </svg>`;

// Only layout for the banner and persona list; everything else comes from nhsuk-frontend.
const SIMULATOR_STYLE = markup`<style>
    .simulator-banner { background: #ffeb3b; color: #212b32; border-bottom: 4px solid #212b32; padding: 12px 0; }
    .simulator-banner p { margin: 0; }
    .simulator-persona-list { list-style: none; padding: 0; }
    .simulator-persona-list li { margin-bottom: 8px; }
    .simulator-persona-list .nhsuk-button { margin-bottom: 0; text-align: left; width: 100%; }
    .simulator-persona-hint { display: block; font-weight: normal; font-size: 1rem; }
  </style>`;

export interface PageOptions {
  /** The page's h1 text, also used in <title>. */
  title: string;
  content: HtmlValue;
  /** Prefix "Error: " in the title when a form comes back with errors (NHS.UK pattern). */
  hasErrors?: boolean;
  wide?: boolean;
}

export function page(options: PageOptions): SafeHtml {
  const title = `${options.hasErrors ? "Error: " : ""}${options.title} – NHS login simulator`;
  return markup`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>${title}</title>
  <link rel="stylesheet" href="/assets/nhsuk-frontend.min.css">
  <link rel="icon" href="/assets/images/favicon.ico" sizes="48x48">
  ${SIMULATOR_STYLE}
</head>
<body>
  <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
  <header class="nhsuk-header" data-module="nhsuk-header" role="banner">
    <div class="nhsuk-header__container nhsuk-width-container">
      <div class="nhsuk-header__service">
        <a class="nhsuk-header__service-logo" href="/" aria-label="NHS login simulator homepage">
        ${NHS_LOGO}
        <span class="nhsuk-header__service-name">NHS login simulator</span>
        </a>
      </div>
    </div>
  </header>
  <div class="simulator-banner" role="region" aria-label="Simulator warning" data-testid="simulator-banner">
    <div class="nhsuk-width-container">
      <p><strong>${SIMULATOR_NOTICE}.</strong> It is a local copy for developing and testing services. Use made-up details only; nothing here is checked or sent to the NHS.</p>
    </div>
  </div>
  <div class="nhsuk-width-container">
    <main class="nhsuk-main-wrapper" id="maincontent" role="main">
      <div class="nhsuk-grid-row">
        <div class="${options.wide ? "nhsuk-grid-column-full" : "nhsuk-grid-column-two-thirds"}">
          ${options.content}
        </div>
      </div>
    </main>
  </div>
  <footer class="nhsuk-footer" role="contentinfo">
    <div class="nhsuk-width-container">
      <div class="nhsuk-footer__meta">
        <p class="nhsuk-body-s">NHS login simulator: for development and testing only. ${SIMULATOR_NOTICE}.</p>
      </div>
    </div>
  </footer>
</body>
</html>`;
}
