import { formatNhsNumber } from "nhs-login-vocabulary";
import type { Persona } from "../personas";
import { summaryList } from "./components";
import { markup, type SafeHtml } from "./html";
import { page } from "./layout";

export function settingsPage(persona: Persona): SafeHtml {
  const rows: Array<[string, string]> = [
    ["Email address", persona.email],
    ["Mobile phone number", persona.phoneNumber],
    ["Password", "********"],
    ["Identity proofing level", persona.level],
  ];
  if (persona.demographics) {
    rows.push(["NHS number", formatNhsNumber(persona.demographics.nhsNumber)]);
  }
  return page({
    title: "Your NHS login settings",
    content: markup`<h1>Your NHS login settings</h1>
<p>You are logged in as <strong data-testid="settings-email">${persona.email}</strong>.</p>
${summaryList(rows)}
<h2>Change your details</h2>
<p>In NHS login you can change your email address, password and mobile phone number here. The simulator only shows them.</p>
<h2>Delete your NHS login</h2>
<p>In NHS login you can delete your NHS login here. Services you used keep the information you shared with them. The simulator does not delete test people.</p>`,
  });
}
