// @vitest-environment jsdom
import { describe, it } from "vitest";
import { SummaryList, type SummaryListRow } from "./summary-list";
import { expectParity } from "./test-support/parity";

const plainRows: SummaryListRow[] = [
  { key: "Name", value: "Jane Smith" },
  { key: "NHS number", value: "943 476 5919" },
];

describe("SummaryList", () => {
  it("matches the macro with keys and values", () => {
    expectParity(<SummaryList rows={plainRows} />, "summary-list", {
      rows: [
        { key: { text: "Name" }, value: { text: "Jane Smith" } },
        { key: { text: "NHS number" }, value: { text: "943 476 5919" } },
      ],
    });
  });

  it("matches the macro without borders", () => {
    expectParity(<SummaryList rows={plainRows} border={false} />, "summary-list", {
      rows: plainRows,
      border: false,
    });
  });

  it("matches the macro with element values as html", () => {
    expectParity(
      <SummaryList
        rows={[
          {
            key: "Address",
            value: (
              <>
                1 High Street
                <br />
                Leeds
              </>
            ),
          },
        ]}
      />,
      "summary-list",
      { rows: [{ key: "Address", value: { html: "1 High Street<br>Leeds" } }] },
    );
  });

  it("matches the macro with one action, several actions and a row without actions", () => {
    const rows: SummaryListRow[] = [
      {
        key: "Email",
        value: "jane@example.com",
        actions: {
          items: [{ href: "/profile/email", text: "Change", visuallyHiddenText: "email" }],
        },
      },
      {
        key: "Phone",
        value: "07700 900000",
        actions: {
          items: [
            { href: "/profile/phone", text: "Change", visuallyHiddenText: "phone number" },
            { href: "/profile/phone/remove", text: "Remove" },
          ],
        },
      },
      { key: "Date of birth", value: "1 January 1980" },
    ];
    expectParity(<SummaryList rows={rows} />, "summary-list", { rows });
  });
});
