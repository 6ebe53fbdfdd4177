/**
 * Every list route's parameters, sorted by what a hostile value must get: free text is data
 * (200, nothing matched), a closed vocabulary or number is a 400, an unknown id a 404.
 * `{snapshot}` stands for a real snapshot id, `{v}` for the hostile value.
 */
// Strings that break naive SQL or LIKE patterns; none occurs in any stored name (though `_`
// alone does: Alpine's ssl_client).
export const metacharacters = [
  "' OR '1'='1",
  "1; DROP TABLE projects; --",
  '" OR ""="',
  ") UNION SELECT id, password_hash FROM users --",
  "%",
  "_%",
  "%' --",
  "\\",
  "*",
];
// Free-text filters: a metacharacter is data, so the list answers 200 with nothing in it.
export const textFilters: [string, string][] = [
  ["/api/projects", "q"],
  ["/api/projects", "parentId"],
  ["/api/snapshots", "projectId"],
  ["/api/snapshots/{snapshot}/components", "q"],
  ["/api/snapshots/{snapshot}/components", "type"],
  ["/api/snapshots/{snapshot}/components", "layer"],
  ["/api/findings", "projectId"],
  ["/api/findings", "snapshotId"],
  ["/api/findings", "vulnerabilityId"],
  ["/api/components", "name"],
  ["/api/components", "version"],
  ["/api/components", "purl"],
  ["/api/components", "type"],
  ["/api/exposure", "q"],
  ["/api/jobs", "kind"],
];
// Closed vocabularies and numbers: anything else is a 400.
export const closedParams: [string, string][] = [
  ...[
    "/api/projects",
    "/api/snapshots",
    "/api/snapshots/{snapshot}/components",
    "/api/findings",
    "/api/components",
    "/api/exposure",
    "/api/tokens",
    "/api/users",
    "/api/jobs",
  ].flatMap((route): [string, string][] =>
    ["sort", "order", "limit", "offset"].map((p) => [route, p]),
  ),
  ["/api/projects", "kind"],
  ["/api/snapshots", "state"],
  ["/api/findings", "severity"],
  ["/api/findings", "analysis"],
  ["/api/findings", "latest"],
  ["/api/exposure", "kind"],
  ["/api/tokens", "revoked"],
  ["/api/users", "role"],
  ["/api/jobs", "state"],
  ["/api/metrics", "since"],
  ["/api/metrics", "limit"],
];
// Ids in the path: unknown, so 404 and nothing else.
export const idRoutes = [
  "/api/projects/",
  "/api/snapshots/",
  "/api/snapshots/{v}/components?x=",
  "/api/vulnerabilities/",
  "/api/findings/{v}/audit?x=",
];
