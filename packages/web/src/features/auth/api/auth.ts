import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, unwrap } from "../../../lib/api-client";

/** The signed-in user, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await unwrap(api.GET("/api/auth/me"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Signs in; the server sets the session and CSRF cookies. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.POST("/api/auth/login", { body })),
    onSuccess: (me) => client.setQueryData(["me"], me),
  });
}

/** Signs out and forgets everything cached for the session. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/auth/logout")),
    onSuccess: () => {
      client.clear();
      client.setQueryData(["me"], null);
    },
  });
}

/** Creates the first admin with the one-time token from the setup link. */
export function useSetup() {
  return useMutation({
    mutationFn: (body: { token: string; username: string; password: string }) =>
      unwrap(api.POST("/api/setup", { body })),
  });
}
