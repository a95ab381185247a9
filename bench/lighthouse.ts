/**
 * Lighthouse on the production build, as a phone and as a desktop: the four category scores and
 * the three metrics the targets name. Each page is audited several times and the median run (by
 * performance score) is reported, as Lighthouse's own guidance recommends for noisy machines.
 */
import { lookup } from "node:dns/promises";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-gpu",
];

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];

export type FormFactor = "mobile" | "desktop";

export interface PageToAudit {
  name: string;
  path: string;
  /** A Cookie header value, for pages that need a logged-in person. */
  cookie?: string;
}

export interface LighthouseResult {
  name: string;
  path: string;
  formFactor: FormFactor;
  runs: number;
  /** Category scores of the median run, 0–100. */
  scores: Record<Category, number>;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  firstContentfulPaintMs: number;
  /** Lighthouse's measure of how fast this machine's CPU was during the run (higher is faster). */
  benchmarkIndex: number;
  /** Every run's performance score, to show how far runs stray. */
  performanceScores: number[];
  /** Audits of the median run that scored below 0.9, for where to look next. */
  failingAudits: { id: string; title: string; displayValue?: string }[];
  /** Hosts the audits blocked because this machine cannot reach them (the NHS.UK fonts'). */
  blockedUrlPatterns: string[];
}

interface AuditRun {
  /** The whole report, written next to the results for a closer look. */
  report: string;
  scores: Record<Category, number>;
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
  benchmarkIndex: number;
  failingAudits: LighthouseResult["failingAudits"];
}

/**
 * The NHS.UK fonts come from assets.nhs.uk. On a machine that cannot resolve it, each font fails
 * only after its name lookup does, and the browser waits for both of its formats to fail before
 * showing text in the fallback font: a delay no online visitor meets, which would be measured as
 * the portal's. There, the audits block the host, so text shows in the fallback font at once.
 */
async function unreachableFontHosts(): Promise<string[]> {
  const reachable = await lookup("assets.nhs.uk").then(
    () => true,
    () => false,
  );
  return reachable ? [] : ["https://assets.nhs.uk/*"];
}

/** One audit in a browser of its own, so that no cookie or cache from another audit is left. */
async function auditOnce(
  url: string,
  page: PageToAudit,
  formFactor: FormFactor,
  blocked: string[],
): Promise<AuditRun> {
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    logLevel: "error",
  });
  try {
    return await audit(chrome, url, page, formFactor, blocked);
  } finally {
    chrome.kill();
  }
}

async function audit(
  chrome: LaunchedChrome,
  url: string,
  page: PageToAudit,
  formFactor: FormFactor,
  blocked: string[],
): Promise<AuditRun> {
  const result = await lighthouse(
    url,
    {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
      ...(blocked.length > 0 ? { blockedUrlPatterns: blocked } : {}),
    },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${url})`);
  const finalUrl = new URL(lhr.finalDisplayedUrl);
  if (finalUrl.pathname !== new URL(url).pathname) {
    throw new Error(`Lighthouse was sent from ${url} to ${lhr.finalDisplayedUrl}`);
  }
  const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const categoryAudits = new Set(
    CATEGORIES.flatMap((category) => lhr.categories[category]?.auditRefs.map((ref) => ref.id)),
  );
  return {
    report: typeof result.report === "string" ? result.report : JSON.stringify(lhr),
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Record<Category, number>,
    lcp: numeric("largest-contentful-paint"),
    tbt: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    fcp: numeric("first-contentful-paint"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failingAudits: Object.values(lhr.audits)
      .filter(
        (audit) =>
          categoryAudits.has(audit.id) &&
          audit.score !== null &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== "informative",
      )
      .map((audit) => ({
        id: audit.id,
        title: audit.title,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      })),
  };
}

/**
 * Audits each page in each form factor. The median run's whole report is written to
 * `<reportsDir>/lighthouse-<form factor>-<page>.json`, which Lighthouse's viewer opens.
 */
export async function runLighthouse(
  base: string,
  pages: PageToAudit[],
  options: { runs: number; formFactors: FormFactor[]; reportsDir: string },
): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  const blocked = await unreachableFontHosts();
  if (blocked.length > 0) console.log(`  NHS.UK fonts unreachable from here: blocking ${blocked}`);
  for (const formFactor of options.formFactors) {
    for (const page of pages) {
      const url = new URL(page.path, base).toString();
      const runs: AuditRun[] = [];
      // One run thrown away: the first request to each page warms the server.
      await auditOnce(url, page, formFactor, blocked);
      for (let i = 0; i < options.runs; i++) {
        runs.push(await auditOnce(url, page, formFactor, blocked));
      }
      const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
      const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
      const slug = page.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "start";
      await writeFile(
        join(options.reportsDir, `lighthouse-${formFactor}-${slug}.json`),
        median.report,
      );
      const result: LighthouseResult = {
        name: page.name,
        path: page.path,
        formFactor,
        runs: runs.length,
        scores: median.scores,
        largestContentfulPaintMs: median.lcp,
        totalBlockingTimeMs: median.tbt,
        cumulativeLayoutShift: median.cls,
        firstContentfulPaintMs: median.fcp,
        benchmarkIndex: median.benchmarkIndex,
        performanceScores: runs.map((run) => run.scores.performance),
        failingAudits: median.failingAudits,
        blockedUrlPatterns: blocked,
      };
      console.log(
        `  ${formFactor} ${page.path}: performance ${result.scores.performance} ` +
          `(runs ${result.performanceScores.join(", ")}), LCP ${Math.round(result.largestContentfulPaintMs)} ms, ` +
          `TBT ${Math.round(result.totalBlockingTimeMs)} ms, CLS ${result.cumulativeLayoutShift.toFixed(3)}, ` +
          `accessibility ${result.scores.accessibility}, best practices ${result.scores["best-practices"]}, ` +
          `SEO ${result.scores.seo}`,
      );
      results.push(result);
    }
  }
  return results;
}
