import type { SimulatorClient } from "../clients";
import type { Persona } from "../personas";
import { html, type SafeHtml } from "./html";
import { page } from "./layout";

export interface HomeView {
  issuer: string;
  clients: SimulatorClient[];
  personas: Persona[];
}

export function homePage(view: HomeView): SafeHtml {
  return page({
    title: "NHS login simulator",
    wide: true,
    content: html`<h1>NHS login simulator</h1>
      <p>
        An OpenID Connect provider that behaves like NHS login, for local development and automated
        tests.
      </p>
      <p>
        Discovery document:
        <a href="/.well-known/openid-configuration"
          >${view.issuer}/.well-known/openid-configuration</a
        >
      </p>
      <h2>Registered services</h2>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
          Registered services
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">Client ID</th>
            <th scope="col" class="nhsuk-table__header">Redirect URIs</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          ${view.clients.map(
            (client) =>
              html`<tr class="nhsuk-table__row">
                <td class="nhsuk-table__cell"><code>${client.clientId}</code></td>
                <td class="nhsuk-table__cell">
                  ${client.redirectUris.length ? client.redirectUris.join(", ") : "none (asserts identities only)"}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>Test people</h2>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
          Test people
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">Persona</th>
            <th scope="col" class="nhsuk-table__header">Email address</th>
            <th scope="col" class="nhsuk-table__header">Level</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          ${view.personas.map(
            (persona) =>
              html`<tr class="nhsuk-table__row">
                <td class="nhsuk-table__cell">${persona.id}</td>
                <td class="nhsuk-table__cell">${persona.email}</td>
                <td class="nhsuk-table__cell">${persona.level}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>Every password is <code>password</code>.</p>`,
  });
}
