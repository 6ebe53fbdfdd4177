/** What a pagination bar shows and where its buttons lead. */
export function pageInfo(total: number, limit: number, offset: number) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return {
    label: total === 0 ? "none" : `${first}–${last} of ${total}`,
    hasPrevious: offset > 0,
    hasNext: offset + limit < total,
    previous: Math.max(0, offset - limit),
    next: offset + limit,
  };
}
