import type { ReactNode } from "react";

/**
 * The one table layout of the UI: a horizontally scrollable wrapper (narrow screens), a header
 * row, and the rows the caller renders.
 */
export function DataTable({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
