import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/api-client";
import type { Severity } from "../../../lib/severity";

export interface FindingsFilter {
  projectId?: string;
  snapshotId?: string;
  vulnerabilityId?: string;
  severity: string;
  analysis: string;
  sort: string;
  order: string;
  offset: string;
}

type Analysis = "in_triage" | "exploitable" | "resolved" | "false_positive" | "not_affected";
type Sort = "severity" | "vulnerabilityId" | "createdAt" | "name";

/** One page of findings (latest snapshots unless a snapshot is named). */
export const useFindings = (f: FindingsFilter, limit = 25) =>
  useQuery({
    queryKey: ["findings", f, limit],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/findings", {
          params: {
            query: {
              projectId: f.projectId,
              snapshotId: f.snapshotId,
              vulnerabilityId: f.vulnerabilityId,
              severity: (f.severity || undefined) as Severity | undefined,
              analysis: (f.analysis || undefined) as Analysis | undefined,
              sort: f.sort as Sort,
              order: f.order as "asc" | "desc",
              offset: Number(f.offset),
              limit,
            },
          },
        }),
      ),
  });
