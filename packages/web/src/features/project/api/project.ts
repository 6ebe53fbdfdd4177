import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/api-client";

export const useProject = (id: string) =>
  useQuery({
    queryKey: ["project", id],
    queryFn: () => unwrap(api.GET("/api/projects/{id}", { params: { path: { id } } })),
  });

/** Snapshot history of a project, newest first. */
export const useSnapshots = (projectId: string, offset: number) =>
  useQuery({
    queryKey: ["snapshots", projectId, offset],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/snapshots", {
          params: { query: { projectId, sort: "createdAt", order: "desc", limit: 10, offset } },
        }),
      ),
  });

/** The project's newest ready snapshot and its counts, from the exposure route. */
export const useLatestExposure = (path: string | undefined) =>
  useQuery({
    queryKey: ["exposure", "path", path],
    enabled: path !== undefined,
    queryFn: () => unwrap(api.GET("/api/exposure", { params: { query: { q: path, limit: 50 } } })),
  });

export interface ComponentFilter {
  q: string;
  sort: string;
  order: string;
  offset: string;
  layer: string;
}

/** One page of a snapshot's components. */
export const useComponents = (snapshotId: string, f: ComponentFilter, limit = 25) =>
  useQuery({
    queryKey: ["components", snapshotId, f, limit],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/snapshots/{id}/components", {
          params: {
            path: { id: snapshotId },
            query: {
              q: f.q || undefined,
              layer: f.layer || undefined,
              sort: f.sort as "name" | "purl" | "version",
              order: f.order as "asc" | "desc",
              offset: Number(f.offset),
              limit,
            },
          },
        }),
      ),
  });

/** A snapshot's remediation plan (null while the server holds no vulnerability data). */
export const usePlan = (snapshotId: string) =>
  useQuery({
    queryKey: ["plan", snapshotId],
    queryFn: () =>
      unwrap(api.GET("/api/snapshots/{id}/plan", { params: { path: { id: snapshotId } } })),
  });
