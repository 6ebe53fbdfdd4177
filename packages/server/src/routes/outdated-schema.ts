/** The API shape of a snapshot's outdated report, and the mapping from the stored report. */
import { z } from "@hono/zod-openapi";
import type { EolVerdict, OutdatedReport } from "@lading/scanner";

export const supportState = z.enum(["supported", "security-only", "eol", "unknown"]);
const eolDate = z.union([z.string(), z.boolean()]).optional();
const Verdict = z.object({
  product: z.string().optional(),
  cycle: z.string().optional(),
  state: supportState,
  decidedBy: z.object({ field: z.string(), date: z.string().optional() }).optional(),
  releaseDate: z.string().optional(),
  supportEnd: eolDate,
  securityEnd: eolDate,
  paidSupportEnd: eolDate,
  latest: z.string().optional(),
  reason: z.string().optional(),
});
const Age = z.object({ since: z.string(), days: z.number().int(), stale: z.boolean() });

export const Outdated = z
  .object({
    assessedOn: z.string(),
    pastSecuritySupport: z.boolean(),
    distro: Verdict.extend({ name: z.string() }).optional(),
    runtimes: z.array(Verdict.extend({ version: z.string(), declared: z.boolean() })),
    age: z.object({
      image: Age.optional(),
      newestLayer: Age.optional(),
      notes: z.array(z.string()),
    }),
  })
  .openapi("Outdated");

const verdictOf = (v: EolVerdict): z.infer<typeof Verdict> => ({
  product: v.product,
  cycle: v.cycle,
  state: v.state,
  decidedBy: v.decidedBy,
  releaseDate: v.releaseDate,
  supportEnd: v.supportEnd,
  securityEnd: v.securityEnd,
  paidSupportEnd: v.paidSupportEnd,
  latest: v.latest,
  reason: v.reason,
});
const ageOf = (a: OutdatedReport["age"]["image"]) =>
  a && { since: a.since, days: a.days, stale: a.stale };

/** The stored report (JSON text) in its API shape; null before the snapshot was matched. */
export function toOutdated(text: string | null): z.infer<typeof Outdated> | null {
  if (text === null) return null;
  const report = JSON.parse(text) as OutdatedReport;
  const distro = report.distro;
  return {
    assessedOn: report.assessedOn,
    pastSecuritySupport: report.pastSecuritySupport,
    distro: distro && {
      ...verdictOf(distro),
      name: distro.distro.prettyName ?? `${distro.distro.id} ${distro.distro.versionId ?? ""}`,
    },
    runtimes: report.runtimes.map((r) => ({
      ...verdictOf(r),
      version: r.version,
      declared: r.declared,
    })),
    age: {
      image: ageOf(report.age.image),
      newestLayer: ageOf(report.age.newestLayer),
      notes: report.age.notes,
    },
  };
}
