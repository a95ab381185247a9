import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

/** nhsuk-frontend's whole stylesheet, which the portal serves only a part of. */
const FULL_STYLESHEET = readFileSync(
  createRequire(import.meta.url).resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css"),
  "utf8",
);

/**
 * The selectors of nhsuk-frontend's whole stylesheet that match something on the page but that
 * the page's own stylesheets lack: rules the portal's cut-down stylesheet dropped although the
 * page needs them. States such as :hover are checked as if they applied.
 */
export async function missingNhsukRules(page: Page): Promise<string[]> {
  return page.evaluate((fullCss) => {
    /** Selectors in a list, split at the commas that are not inside brackets. */
    const selectorsOf = (list: string): string[] => {
      const selectors: string[] = [];
      let depth = 0;
      let start = 0;
      for (let i = 0; i < list.length; i++) {
        const char = list[i];
        if (char === "(" || char === "[") depth++;
        else if (char === ")" || char === "]") depth--;
        else if (char === "," && depth === 0) {
          selectors.push(list.slice(start, i).trim());
          start = i + 1;
        }
      }
      selectors.push(list.slice(start).trim());
      return selectors;
    };
    const styleSelectors = (rules: CSSRuleList, into: Set<string>): Set<string> => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) {
          for (const selector of selectorsOf(rule.selectorText)) into.add(selector);
        } else if ("cssRules" in rule) {
          styleSelectors((rule as CSSGroupingRule).cssRules, into);
        }
      }
      return into;
    };
    // Pseudo-elements and states that querySelector cannot match in a page at rest.
    const STATES =
      /::?(before|after|marker|placeholder|backdrop|selection|first-letter|first-line|-webkit-[a-z-]+|-moz-[a-z-]+|hover|focus|focus-visible|focus-within|active|visited|link|target|any-link|open|modal|popover-open)(\([^)]*\))?/g;
    const matches = (selector: string): boolean => {
      const atRest = selector.replace(STATES, "").trim();
      if (atRest === "" || /^[>+~]|[>+~]$/.test(atRest)) return false;
      try {
        return document.querySelector(atRest) !== null;
      } catch {
        return false;
      }
    };

    const full = new CSSStyleSheet();
    full.replaceSync(fullCss);
    const served = new Set<string>();
    for (const sheet of Array.from(document.styleSheets)) styleSelectors(sheet.cssRules, served);
    return [...styleSelectors(full.cssRules, new Set())].filter(
      (selector) => !served.has(selector) && matches(selector),
    );
  }, FULL_STYLESHEET);
}
