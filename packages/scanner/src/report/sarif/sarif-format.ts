import type { Finding } from "../../match/types.js";
import type { ReportFormat, VulnReport } from "../types.js";
import { toResult } from "./sarif-result.js";
import { toRule } from "./sarif-rule.js";

/** The SARIF 2.1.0 schema, under the address GitHub's documentation gives for it. */
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * SARIF 2.1.0 for GitHub code scanning (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * one rule per vulnerability with a numeric `security-severity`, one result per finding
 * located at the file that records the package. Suppressed findings are left out, because
 * GitHub would open alerts for them; their count is in the run's properties.
 */
export const sarifFormat = {
  id: "sarif",
  versions: ["2.1.0"],
  write(report, context) {
    const rules = uniqueRules(report.findings);
    const index = new Map(rules.map((f, i) => [f.id, i]));
    const log = {
      $schema: SARIF_SCHEMA,
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: context.toolName,
              version: context.toolVersion,
              semanticVersion: context.toolVersion,
              rules: rules.map(toRule),
            },
          },
          results: report.findings.map((f) => toResult(f, index.get(f.id) ?? 0, report)),
          properties: runProperties(report),
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
} satisfies ReportFormat;

/** One rule per vulnerability id, taken from its most severe finding (findings come sorted). */
function uniqueRules(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const finding of findings) if (!seen.has(finding.id)) seen.set(finding.id, finding);
  return [...seen.values()];
}

function runProperties(report: VulnReport) {
  return {
    target: report.result.source.target,
    packagesChecked: report.checked,
    suppressed: report.suppressed.length,
    ...(report.outdated
      ? {
          pastSecuritySupport: report.outdated.pastSecuritySupport,
          outdated: report.outdated,
        }
      : {}),
  };
}
