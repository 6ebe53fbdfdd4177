import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/api-client";

/** A component or finding as the diff route lists it. */
export interface DiffItem {
  purl: string;
  name?: string;
  version?: string;
  fromVersion?: string;
  vulnerabilityId?: string;
  severity?: string;
}

/** What differs between two snapshots of one project. */
export const useDiff = (from: string, to: string) =>
  useQuery({
    queryKey: ["diff", from, to],
    enabled: from !== "" && to !== "",
    queryFn: async () => {
      const diff = await unwrap(api.GET("/api/snapshot-diff", { params: { query: { from, to } } }));
      // The route documents its items loosely (unknown[]); these are the fields it sends.
      const items = (list: unknown[]) => list as DiffItem[];
      return {
        added: items(diff.components.added),
        removed: items(diff.components.removed),
        changed: items(diff.components.changed),
        introduced: items(diff.findings.introduced),
        fixed: items(diff.findings.fixed),
      };
    },
  });
