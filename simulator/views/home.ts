import type { SimulatorClient } from "../clients";
import type { Persona } from "../personas";
import { markup, type SafeHtml } from "./html";
import { page } from "./layout";

export interface HomeView {
  issuer: string;
  clients: SimulatorClient[];
  personas: Persona[];
}

function table(caption: string, headers: string[], rows: string[][]): SafeHtml {
  return markup`<table class="nhsuk-table">
  <caption class="nhsuk-table__caption">${caption}</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    ${headers.map((header) => markup`<th scope="col" class="nhsuk-table__header">${header}</th>`)}
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${rows.map(
      (row) => markup`<tr class="nhsuk-table__row">
      ${row.map((cell) => markup`<td class="nhsuk-table__cell">${cell}</td>`)}
    </tr>`,
    )}
  </tbody>
</table>`;
}

export function homePage(view: HomeView): SafeHtml {
  return page({
    title: "NHS login simulator",
    wide: true,
    content: markup`<h1>NHS login simulator</h1>
<p>An OpenID Connect provider that behaves like NHS login, for local development and automated tests.</p>
<p>Discovery document: <a href="/.well-known/openid-configuration">${view.issuer}/.well-known/openid-configuration</a></p>
${table(
  "Registered services",
  ["Client ID", "Redirect URIs"],
  view.clients.map((client) => [
    client.clientId,
    client.redirectUris.length > 0
      ? client.redirectUris.join(", ")
      : "none (asserts identities only)",
  ]),
)}
${table(
  "Test people",
  ["Persona", "Email address", "Level"],
  view.personas.map((persona) => [persona.id, persona.email, persona.level]),
)}
<p>Every password is <code>password</code>.</p>`,
  });
}
