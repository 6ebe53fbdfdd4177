import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/api-client";

/** Where a component is used across every project's latest snapshot. */
export const useUsages = (q: { purl: string; name: string; offset: number }) =>
  useQuery({
    queryKey: ["usages", q],
    enabled: q.purl !== "" || q.name !== "",
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/components", {
          params: {
            query: {
              purl: q.purl || undefined,
              name: q.name || undefined,
              sort: "projectPath",
              order: "asc",
              limit: 25,
              offset: q.offset,
            },
          },
        }),
      ),
  });
