/*
 * The simulator's stand-in for the NHS App's JavaScript API (v2), served where a service's pages
 * expect https://www.nhsapp.service.nhs.uk/js/v2/nhsapp.js. It defines window.nhsapp with the
 * same names, does nothing the app would do, and shows each call it receives in a bar at the
 * top of the page, where the app's own header would be ("the NHS App would now …"). The bar's
 * back button is the app's: it runs what the page set with setBackAction. Every call is also
 * kept, in order, in sessionStorage under "nhsapp-stand-in-calls", as { call, args }, for tests
 * to read.
 */
(() => {
  const STORAGE_KEY = "nhsapp-stand-in-calls";
  const AppPage = {
    HOME_PAGE: "HOME_PAGE",
    SERVICES: "SERVICES",
    YOUR_HEALTH: "YOUR_HEALTH",
    MESSAGES: "MESSAGES",
    UPLIFT: "UPLIFT",
    GO_BACK: "GO_BACK",
  };
  const PAGE_WORDS = {
    HOME_PAGE: "go to its home page",
    SERVICES: "open its Services page",
    YOUR_HEALTH: "open its Your health page",
    MESSAGES: "open its Messages page",
    UPLIFT: "take you through its own identity check (prove who you are)",
    GO_BACK: "go back to its previous screen",
  };
  let backAction = null;
  let status = null;

  function platform() {
    const agent = navigator.userAgent;
    if (/nhsapp-ios/i.test(agent)) return "ios";
    if (/nhsapp-android/i.test(agent)) return "android";
    return "none";
  }

  function hostOf(url) {
    try {
      return new URL(url, location.href).host;
    } catch {
      return String(url);
    }
  }

  function show(words) {
    // Drawn at the first call, which comes once the page is running: a page that renders on
    // the server and takes over in the browser must find its markup as it sent it until then.
    if (!status) addBar();
    status.textContent = words;
  }

  function record(call, args, words) {
    try {
      const calls = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "[]");
      calls.push({ call, args });
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(calls));
    } catch {
      // Storage is off: the bar still says what happened.
    }
    show(words);
  }

  /** The bar: styled through the DOM, which a Content-Security-Policy without inline styles allows. */
  function addBar() {
    const bar = document.createElement("div");
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "NHS App (simulated)");
    bar.setAttribute("data-testid", "nhs-app-stand-in");
    Object.assign(bar.style, {
      position: "sticky",
      top: "0",
      zIndex: "1000",
      display: "flex",
      flexWrap: "wrap",
      alignItems: "center",
      gap: "8px 16px",
      padding: "8px 16px",
      background: "#ffeb3b",
      color: "#212b32",
      borderBottom: "4px solid #212b32",
      fontFamily: "inherit",
      fontSize: "16px",
      lineHeight: "1.5",
    });
    const back = document.createElement("button");
    back.type = "button";
    back.textContent = "NHS App back button";
    back.setAttribute("data-testid", "nhs-app-back");
    Object.assign(back.style, {
      minHeight: "44px",
      padding: "8px 12px",
      border: "2px solid #212b32",
      background: "#ffffff",
      color: "#212b32",
      font: "inherit",
      fontWeight: "bold",
      cursor: "pointer",
    });
    back.addEventListener("click", () => {
      if (backAction) {
        record(
          "back",
          [],
          "You pressed the NHS App's back button: the service chose where it goes.",
        );
        backAction();
      } else {
        record("back", [], "You pressed the NHS App's back button: the NHS App would now go back.");
      }
    });
    status = document.createElement("p");
    status.setAttribute("role", "status");
    status.setAttribute("data-testid", "nhs-app-stand-in-status");
    Object.assign(status.style, { margin: "0", flex: "1 1 12em" });
    bar.append(back, status);
    document.body.prepend(bar);
  }

  window.nhsapp = {
    tools: {
      isOpenInNHSApp: () => true,
      getAppPlatform: platform,
    },
    navigation: {
      AppPage,
      goToHomepage() {
        record("goToHomepage", [], "The NHS App would now go to its home page.");
      },
      goToPage(page) {
        const words = PAGE_WORDS[page] || `open its ${page} page`;
        record("goToPage", [page], `The NHS App would now ${words}.`);
      },
      openBrowserOverlay(url) {
        const words = `The NHS App would now open ${hostOf(url)} in its browser overlay, over this page.`;
        record("openBrowserOverlay", [String(url)], words);
      },
      openExternalBrowser(url) {
        const words = `The NHS App would now open ${hostOf(url)} in the phone's own browser.`;
        record("openExternalBrowser", [String(url)], words);
      },
      setBackAction(action) {
        backAction = typeof action === "function" ? action : null;
        record("setBackAction", [], "The service has set what the NHS App's back button does.");
      },
      clearBackAction() {
        backAction = null;
        record("clearBackAction", [], "The NHS App's back button is the app's own again.");
      },
    },
    storage: {
      addEventToCalendar(...args) {
        record(
          "addEventToCalendar",
          args.map(String),
          "The NHS App would now add an event to the phone's calendar.",
        );
      },
      downloadFromBytes(...args) {
        record(
          "downloadFromBytes",
          args.map((arg) => typeof arg),
          "The NHS App would now save a file to the phone.",
        );
      },
    },
  };
})();
