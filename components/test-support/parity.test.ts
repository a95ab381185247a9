// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { normaliseHtml, renderMacro } from "./parity";

const same = (a: string, b: string) => expect(normaliseHtml(a)).toBe(normaliseHtml(b));
const different = (a: string, b: string) => expect(normaliseHtml(a)).not.toBe(normaliseHtml(b));

describe("normaliseHtml", () => {
  it("ignores formatting", () => {
    same(
      `<div class="b a" id="x">\n  <p>\n    Hello   world\n  </p>\n</div>`,
      `<div id='x' class="a  b"><p>Hello world</p></div>`,
    );
    same(
      `<form novalidate><input type="hidden"/></form>`,
      `<form novalidate=""><input type="hidden"></form>`,
    );
    same(`<p>It&#39;s &copy; &amp; &lt;ok&gt;</p>`, `<p>It&#x27;s © &amp; &lt;ok&gt;</p>`);
    same(`<p>One<!-- -->Two</p>`, `<p>OneTwo</p>`);
    same(
      `<svg viewBox="0 0 24 24"><path d="M1 2"/></svg>`,
      `<svg viewBox="0 0 24 24"><path d="M1 2"></path></svg>`,
    );
  });

  it("detects a different attribute value", () => {
    different(`<a href="/one">Link</a>`, `<a href="/two">Link</a>`);
    different(`<div class="a b"></div>`, `<div class="a c"></div>`);
  });

  it("detects a different element", () => {
    different(`<h2>Title</h2>`, `<h3>Title</h3>`);
    different(`<div><span>Text</span></div>`, `<div><span>Text</span><span></span></div>`);
  });

  it("detects a missing attribute", () => {
    different(`<div data-module="nhsuk-header"></div>`, `<div></div>`);
    different(`<button disabled></button>`, `<button></button>`);
  });

  it("detects different text, including a meaningful space", () => {
    different(`<p>Log out</p>`, `<p>Sign out</p>`);
    different(`<span>Information: </span>Text`, `<span>Information:</span>Text`);
  });
});

describe("renderMacro", () => {
  it("renders an nhsuk-frontend macro with params", () => {
    expect(renderMacro("skip-link", { href: "#main" })).toBe(
      '<a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#main">\n  Skip to main content\n</a>\n',
    );
  });
});
