/**
 * The JavaScript each page makes a browser download, compressed as sent, measured from
 * Chromium's network events. Each file is attributed to the framework or to the portal's own
 * client modules from the build's manifests.
 */
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { runInNewContext } from "node:vm";
import { launchChromium } from "./chromium";

export interface PageToWeigh {
  name: string;
  path: string;
  /** The session cookie's value, for pages that need a logged-in person. */
  session?: { name: string; value: string };
  /** The smallest page the app serves: what every page costs at least. */
  baseline?: boolean;
}

export interface ScriptFile {
  file: string;
  compressedBytes: number;
  bytes: number;
  encoding: string;
  /** "framework", or the portal's own modules this file carries. */
  owner: "framework" | "portal";
  modules: string[];
}

export interface PageWeight {
  baseline: boolean;
  name: string;
  path: string;
  status: number;
  scripts: ScriptFile[];
  compressedBytes: number;
  bytes: number;
  frameworkCompressedBytes: number;
  portalCompressedBytes: number;
  /** Files the smallest page does not load. */
  beyondBaselineCompressedBytes: number;
  /** The portal's own client modules the page loads (relative paths; "a -> b" is b loaded on demand by a). */
  portalModules: string[];
}

interface Attribution {
  /** Chunk file (as "static/chunks/…") → the portal's own modules in it. */
  portalChunks: Map<string, Set<string>>;
}

async function* files(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Reads which chunks hold the portal's client components, from the build in `.next`. */
async function attribution(distDir = ".next"): Promise<Attribution> {
  const portalChunks = new Map<string, Set<string>>();
  const add = (file: string, module: string) => {
    const modules = portalChunks.get(file) ?? new Set<string>();
    modules.add(module);
    portalChunks.set(file, modules);
  };

  for await (const path of files(join(distDir, "server", "app"))) {
    if (!path.endsWith("_client-reference-manifest.js")) continue;
    const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    runInNewContext(await readFile(path, "utf8"), sandbox);
    for (const manifest of Object.values(sandbox.__RSC_MANIFEST ?? {})) {
      for (const [modulePath, entry] of Object.entries(manifest.clientModules)) {
        if (modulePath.includes("/node_modules/") || modulePath.endsWith(".css")) continue;
        for (const chunk of entry.chunks) {
          if (chunk.endsWith(".js")) add(chunk, relative(process.cwd(), modulePath));
        }
      }
    }
  }

  const loadable = JSON.parse(
    await readFile(join(distDir, "react-loadable-manifest.json"), "utf8"),
  ) as Record<string, { files: string[] }>;
  for (const [importer, { files: chunks }] of Object.entries(loadable)) {
    for (const chunk of chunks) if (chunk.endsWith(".js")) add(chunk, importer);
  }
  return { portalChunks };
}

interface ClientManifest {
  clientModules: Record<string, { chunks: string[] }>;
}

export async function weighPages(base: string, pages: PageToWeigh[]): Promise<PageWeight[]> {
  const { portalChunks } = await attribution();
  const browser = await launchChromium();
  try {
    const weights: PageWeight[] = [];
    for (const page of pages) {
      const context = await browser.newContext();
      if (page.session) await context.addCookies([{ ...page.session, url: base }]);
      const tab = await context.newPage();
      const scripts: Promise<ScriptFile>[] = [];
      tab.on("requestfinished", (request) => {
        if (request.resourceType() !== "script") return;
        scripts.push(
          (async () => {
            const response = await request.response();
            const sizes = await request.sizes();
            const body = await response?.body();
            const file = new URL(request.url()).pathname.replace(/^\/_next\//, "");
            const modules = [...(portalChunks.get(file) ?? [])].sort();
            return {
              file,
              compressedBytes: sizes.responseBodySize,
              bytes: body?.length ?? 0,
              encoding: response?.headers()["content-encoding"] ?? "identity",
              owner: modules.length > 0 ? "portal" : "framework",
              modules,
            };
          })(),
        );
      });
      const response = await tab.goto(new URL(page.path, base).toString(), {
        waitUntil: "networkidle",
      });
      const loaded = (await Promise.all(scripts)).sort((a, b) => a.file.localeCompare(b.file));
      await context.close();

      const sum = (list: ScriptFile[], key: "compressedBytes" | "bytes") =>
        list.reduce((total, script) => total + script[key], 0);
      const portal = loaded.filter((script) => script.owner === "portal");
      weights.push({
        baseline: page.baseline ?? false,
        name: page.name,
        path: page.path,
        status: response?.status() ?? 0,
        scripts: loaded,
        compressedBytes: sum(loaded, "compressedBytes"),
        bytes: sum(loaded, "bytes"),
        frameworkCompressedBytes: sum(
          loaded.filter((script) => script.owner === "framework"),
          "compressedBytes",
        ),
        portalCompressedBytes: sum(portal, "compressedBytes"),
        beyondBaselineCompressedBytes: 0,
        portalModules: [...new Set(portal.flatMap((script) => script.modules))].sort(),
      });
    }
    const baselineFiles = new Set(
      weights
        .filter((weight) => weight.baseline)
        .flatMap((weight) => weight.scripts.map((script) => script.file)),
    );
    for (const weight of weights) {
      weight.beyondBaselineCompressedBytes = weight.scripts
        .filter((script) => !baselineFiles.has(script.file))
        .reduce((total, script) => total + script.compressedBytes, 0);
    }
    return weights;
  } finally {
    await browser.close();
  }
}
