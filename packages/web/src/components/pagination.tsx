import { pageInfo } from "./pagination-info";

interface Props {
  total: number;
  limit: number;
  offset: number;
  onOffset: (offset: number) => void;
}

/** Previous/next over a server-side paginated list, with "11–20 of 245". */
export function Pagination({ total, limit, offset, onOffset }: Props) {
  const info = pageInfo(total, limit, offset);
  return (
    <nav className="pagination" aria-label="pages">
      <span>{info.label}</span>
      <button type="button" disabled={!info.hasPrevious} onClick={() => onOffset(info.previous)}>
        ← Previous
      </button>
      <button type="button" disabled={!info.hasNext} onClick={() => onOffset(info.next)}>
        Next →
      </button>
    </nav>
  );
}
