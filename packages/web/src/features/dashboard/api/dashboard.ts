import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/api-client";

/** Portfolio counts over time, oldest first. */
export const usePortfolioMetrics = () =>
  useQuery({
    queryKey: ["metrics", "portfolio"],
    queryFn: () => unwrap(api.GET("/api/metrics", { params: { query: { limit: 500 } } })),
  });

/** The projects with the worst findings in their latest snapshot. */
export const useMostExposed = () =>
  useQuery({
    queryKey: ["exposure", "top"],
    queryFn: () =>
      unwrap(api.GET("/api/exposure", { params: { query: { sort: "risk", limit: 8 } } })),
  });

/** The newest snapshots of any project. */
export const useRecentSnapshots = () =>
  useQuery({
    queryKey: ["snapshots", "recent"],
    queryFn: () =>
      unwrap(api.GET("/api/snapshots", { params: { query: { sort: "createdAt", limit: 8 } } })),
  });

/** When the advisories were last refreshed. */
export const useDataStatus = () =>
  useQuery({
    queryKey: ["vulndb-status"],
    queryFn: () => unwrap(api.GET("/api/vulndb/status")),
  });

/** Agents and whether each is online. */
export const useAgents = () =>
  useQuery({ queryKey: ["agents"], queryFn: () => unwrap(api.GET("/api/agents")) });

/** End-of-life and stale images among the latest snapshots. */
export const useOutdatedSummary = () =>
  useQuery({
    queryKey: ["outdated", "summary"],
    queryFn: () => unwrap(api.GET("/api/outdated/summary")),
  });
