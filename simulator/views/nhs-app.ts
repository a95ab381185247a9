import type { Persona } from "../personas";
import { insetText } from "./components";
import { markup, type SafeHtml } from "./html";
import { page } from "./layout";
import { personaButtons } from "./login";

export interface NhsAppView {
  service: string;
  personas: Persona[];
}

export function nhsAppPage(view: NhsAppView): SafeHtml {
  return page({
    title: "Open a service as the NHS App",
    content: markup`<h1>Open a service as the NHS App</h1>
<p>The NHS App opens partner services with the person already logged in. Choose who is using the NHS App: the simulator opens the service with an <code>assertedLoginIdentity</code> for them, signed with the NHS App's key.</p>
${insetText(markup`Service: <code data-testid="nhs-app-service">${view.service}</code>`)}
<form method="post" action="/nhs-app" novalidate>
  <input type="hidden" name="service" value="${view.service}">
  ${personaButtons(view.personas, "nhs-app-as-")}
</form>`,
  });
}
