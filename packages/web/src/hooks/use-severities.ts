import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../lib/api-client";
import type { Severity } from "../lib/severity";

const none: readonly Severity[] = [];

/**
 * The severities, worst first, as the server orders them: it holds the one list, so the web app
 * keeps no copy. Fetched once per session; empty until the answer arrives.
 */
export function useSeverities(): readonly Severity[] {
  const query = useQuery({
    queryKey: ["severities"],
    queryFn: () => unwrap(api.GET("/api/severities")),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return query.data?.items ?? none;
}
