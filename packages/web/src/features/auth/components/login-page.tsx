import { type FormEvent, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { useLogin, useMe } from "../api/auth";

/** Sign-in form; goes back to the page that asked for it. */
export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (me.data) return <Navigate to={from} replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit}>
        <h1>Sign in to Lading</h1>
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {login.isError && (
          <p className="error" role="alert">
            {login.error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={login.isPending}>
          Sign in
        </button>
      </form>
    </main>
  );
}
