/**
 * What the go-live guards look for. Each finding is a mistake that real people would meet in a
 * production deployment, with the one override variable that lets a production build start with
 * it anyway, for a test.
 */
import { ENVIRONMENT_ENDPOINTS, type Environment } from "../nhs-login/environments";
import {
  readTemplateContent,
  TEMPLATE_CONTENT_FILE,
  TEMPLATE_SERVICE_NAME,
} from "./template-content";

/** Lets a production build trust an NHS login or API platform address that is not its environment's. */
export const ENDPOINTS_OVERRIDE = "ALLOW_UNOFFICIAL_NHS_ENDPOINTS";
/** Lets a production build start while the template's words are still in place. */
export const CONTENT_OVERRIDE = "ALLOW_TEMPLATE_CONTENT";
export type Override = typeof ENDPOINTS_OVERRIDE | typeof CONTENT_OVERRIDE;

export interface Finding {
  override: Override;
  /** What is wrong, naming the variable or the files. */
  problem: string;
  /** How to put it right. */
  fix: string;
}

/** The NHS login environments whose ID tokens are real people's, or assured as if they were. */
const GUARDED_ENVIRONMENTS: readonly Environment[] = ["integration", "production"];

export interface Endpoints {
  nhsLogin: { environment: Environment; issuer: string };
  /** The platform's address the portal will call, and its environment's own; none if it calls none. */
  nhsApi: { environment: string; baseUrl: string; ownBaseUrl: string } | undefined;
}

const sameAddress = (a: string, b: string) => new URL(a).href === new URL(b).href;

/** An issuer or API platform address that is not the environment's own: loopback, elsewhere, another environment's. */
export function endpointFindings({ nhsLogin, nhsApi }: Endpoints): Finding[] {
  if (!GUARDED_ENVIRONMENTS.includes(nhsLogin.environment)) return [];
  const findings: Finding[] = [];
  const ownIssuer = ENVIRONMENT_ENDPOINTS[nhsLogin.environment].issuer;
  if (!sameAddress(nhsLogin.issuer, ownIssuer)) {
    findings.push({
      override: ENDPOINTS_OVERRIDE,
      problem: `NHS_LOGIN_ISSUER: "${nhsLogin.issuer}" is not NHS login's ${nhsLogin.environment} issuer (${ownIssuer}), so people would log in somewhere NHS login does not run`,
      fix: "remove NHS_LOGIN_ISSUER to use NHS login's own",
    });
  }
  if (nhsApi && !sameAddress(nhsApi.baseUrl, nhsApi.ownBaseUrl)) {
    findings.push({
      override: ENDPOINTS_OVERRIDE,
      problem: `NHS_API_BASE_URL: "${nhsApi.baseUrl}" is not the API platform's ${nhsApi.environment} address (${nhsApi.ownBaseUrl}), so people's ID tokens would go elsewhere`,
      fix: "remove NHS_API_BASE_URL to use the platform's own",
    });
  }
  return findings;
}

/** The template's service name, and "[To fill in: …]" placeholders the build found in the pages. */
export function contentFindings(
  serviceName: string,
  readFile: (path: string) => string,
): Finding[] {
  const findings: Finding[] = [];
  if (serviceName === TEMPLATE_SERVICE_NAME) {
    findings.push({
      override: CONTENT_OVERRIDE,
      problem: `SERVICE_NAME: still this template's "${TEMPLATE_SERVICE_NAME}"`,
      fix: "set it to your service's name",
    });
  }
  const content = readTemplateContent(readFile);
  if (!content) {
    findings.push({
      override: CONTENT_OVERRIDE,
      problem: `${TEMPLATE_CONTENT_FILE}: missing beside server.js, so nothing says whether the pages still hold "[To fill in: …]" placeholders`,
      fix: "build with npm run build, which records them",
    });
  } else if (content.placeholders.length > 0) {
    const files = [...new Set(content.placeholders.map((place) => place.replace(/:\d+$/, "")))];
    findings.push({
      override: CONTENT_OVERRIDE,
      problem: `${files.join(", ")}: still hold ${content.placeholders.length} "[To fill in: …]" placeholders`,
      fix: 'write your own words in their place (docs/onboarding.md, "Make the content yours") and build again',
    });
  }
  return findings;
}
