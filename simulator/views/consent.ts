import { button, buttonGroup } from "./components";
import { markup, type SafeHtml } from "./html";
import { page } from "./layout";

export interface ConsentView {
  action: string;
  clientName: string;
  items: string[];
}

export function consentPage(view: ConsentView): SafeHtml {
  return page({
    title: "Share your NHS login information",
    content: markup`<h1>Share your NHS login information</h1>
<p>${view.clientName} is asking for this information from your NHS login:</p>
<ul data-testid="consent-items">
  ${view.items.map((item) => markup`<li>${item}</li>`)}
</ul>
<p>If you do not agree, you cannot use ${view.clientName} with NHS login.</p>
<form method="post" action="${view.action}" novalidate>
  ${buttonGroup(
    button({ text: "I agree", name: "decision", value: "agree", testId: "consent-agree" }),
    button({
      text: "I do not agree",
      name: "decision",
      value: "decline",
      testId: "consent-decline",
      variant: "secondary",
    }),
  )}
</form>`,
  });
}
