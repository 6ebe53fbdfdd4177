import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/api-client";

/** Invalidates `key` after a mutation succeeds. */
function useChange<A, R>(key: string, fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: [key] }),
  });
}

export const useUsers = () =>
  useQuery({
    queryKey: ["users"],
    queryFn: () =>
      unwrap(
        api.GET("/api/users", {
          params: { query: { sort: "username", order: "asc", limit: 500 } },
        }),
      ),
  });
type Role = "admin" | "member" | "viewer";
export const useCreateUser = () =>
  useChange("users", (body: { username: string; password: string; role: Role }) =>
    unwrap(api.POST("/api/users", { body })),
  );
export const useChangeUser = () =>
  useChange("users", ({ id, ...body }: { id: string; role?: Role; disabled?: boolean }) =>
    unwrap(api.PATCH("/api/users/{id}", { params: { path: { id } }, body })),
  );

export const useTokens = () =>
  useQuery({
    queryKey: ["tokens"],
    queryFn: () =>
      unwrap(api.GET("/api/tokens", { params: { query: { sort: "createdAt", limit: 500 } } })),
  });
type Scope = "read" | "upload" | "triage";
export const useCreateToken = () =>
  useChange(
    "tokens",
    (body: {
      name: string;
      scopes: Scope[];
      projectPrefix: string | null;
      createProjects: boolean;
    }) => unwrap(api.POST("/api/tokens", { body })),
  );
export const useRevokeToken = () =>
  useChange("tokens", (id: string) =>
    unwrap(api.DELETE("/api/tokens/{id}", { params: { path: { id } } })),
  );

export const useWebhooks = (enabled: boolean) =>
  useQuery({ queryKey: ["webhooks"], enabled, queryFn: () => unwrap(api.GET("/api/webhooks")) });
type Severity = "critical" | "high" | "medium" | "low" | "unknown";
export const useCreateWebhook = () =>
  useChange("webhooks", (body: { url: string; minSeverity: Severity }) =>
    unwrap(api.POST("/api/webhooks", { body })),
  );
export const useDeleteWebhook = () =>
  useChange("webhooks", (id: string) =>
    unwrap(api.DELETE("/api/webhooks/{id}", { params: { path: { id } } })),
  );

export const useDataSources = () =>
  useQuery({ queryKey: ["vulndb-status"], queryFn: () => unwrap(api.GET("/api/vulndb/status")) });
export const useUpdateData = () =>
  useChange("vulndb-status", () => unwrap(api.POST("/api/vulndb/update")));
