import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { compact } from "../../../hooks/use-search-state";
import { api, unwrap } from "../../../lib/api-client";

export interface ExposureQuery {
  q: string;
  kind: string;
  sort: string;
  order: string;
  offset: string;
}

type Kind = "group" | "host" | "container" | "application";
type Sort = "risk" | "path" | "snapshotAt";

/** One page of scanned projects with their severity counts. */
export const useExposure = (q: ExposureQuery, limit = 25) =>
  useQuery({
    queryKey: ["exposure", q, limit],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/exposure", {
          params: {
            query: {
              ...compact({ q: q.q }),
              kind: (q.kind || undefined) as Kind | undefined,
              sort: q.sort as Sort,
              order: q.order as "asc" | "desc",
              offset: Number(q.offset),
              limit,
            },
          },
        }),
      ),
  });

/** Every project node (groups and hosts included) for the tree, up to the API's page cap. */
export const useAllProjects = () =>
  useQuery({
    queryKey: ["projects", "all"],
    queryFn: () =>
      unwrap(
        api.GET("/api/projects", { params: { query: { limit: 500, sort: "path", order: "asc" } } }),
      ),
  });

/** Counts of every scanned project, for the tree. */
export const useAllExposure = () =>
  useQuery({
    queryKey: ["exposure", "all"],
    queryFn: () =>
      unwrap(api.GET("/api/exposure", { params: { query: { limit: 500, sort: "path" } } })),
  });
