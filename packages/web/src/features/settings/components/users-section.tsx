import { type FormEvent, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { Choice } from "../../../components/filters";
import { QueryState } from "../../../components/query-state";
import { useChangeUser, useCreateUser, useUsers } from "../api/settings";

const roles = ["admin", "member", "viewer"] as const;
type Role = (typeof roles)[number];

/** Users and their roles (admins only). */
export function UsersSection() {
  const users = useUsers();
  const create = useCreateUser();
  const change = useChangeUser();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ username, password, role }, { onSuccess: () => setPassword("") });
  };
  return (
    <section className="card" aria-label="users">
      <h2>Users and roles</h2>
      <QueryState query={users}>
        {({ items }) => (
          <DataTable headers={["User", "Role", "State"]}>
            {items.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>
                  <Choice
                    label={`role of ${u.username}`}
                    value={u.role}
                    options={roles}
                    onChange={(role) => change.mutate({ id: u.id, role: role as Role })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => change.mutate({ id: u.id, disabled: !u.disabled })}
                  >
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      <form className="inline-form" onSubmit={submit}>
        <input
          aria-label="new username"
          placeholder="Username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <input
          aria-label="new user's password"
          type="password"
          placeholder="Password (12+)"
          minLength={12}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Choice
          label="new user's role"
          value={role}
          options={roles}
          onChange={(r) => setRole(r as Role)}
        />
        <button type="submit" className="primary">
          Add user
        </button>
      </form>
      {(create.isError || change.isError) && (
        <p className="error">{(create.error ?? change.error)?.message}</p>
      )}
    </section>
  );
}
