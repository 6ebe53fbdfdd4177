import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useSetup } from "../api/auth";

/** First run: creates the admin from the one-time link the server printed at start. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const setup = useSetup();
  const [username, setUsername] = useState("admin");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const mismatch = repeat !== "" && repeat !== password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) setup.mutate({ token, username, password });
  };
  if (setup.isSuccess)
    return (
      <main className="auth-page">
        <div className="card auth-card">
          <h1>Admin created</h1>
          <p>The setup link is spent. Sign in with the account you just made.</p>
          <Link className="button primary" to="/login">
            Go to sign in
          </Link>
        </div>
      </main>
    );
  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit}>
        <h1>Set up Lading</h1>
        {!token && (
          <p className="error" role="alert">
            This page needs the one-time link the server printed when it first started.
          </p>
        )}
        <label>
          Admin username
          <input
            name="username"
            required
            pattern="[a-z0-9][a-z0-9._\-]{0,63}"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password (12 characters or more)
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          Repeat the password
          <input
            name="repeat"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            aria-invalid={mismatch}
          />
        </label>
        {mismatch && <p className="error">The passwords differ.</p>}
        {setup.isError && (
          <p className="error" role="alert">
            {setup.error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={!token || setup.isPending}>
          Create admin
        </button>
      </form>
    </main>
  );
}
