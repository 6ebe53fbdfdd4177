/**
 * One page of a filtered list and the total its filters match, for every list route: the count
 * and the page come from the same filtered query, so they never disagree.
 */
import type { OrderByExpression, SelectQueryBuilder, Simplify } from "kysely";
import { toCount } from "./store.js";

/** The page and sort a list was asked for, as `listQuery` validates them. */
export interface PageRequest<S extends string> {
  limit: number;
  offset: number;
  sort: S;
  order: "asc" | "desc";
}

/** A page with the total the filters match: the shape `page()` documents. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// biome-ignore lint/complexity/noBannedTypes: Kysely's own type for a query that selects nothing yet.
type NothingSelected = {};
type OrderBy<DB, TB extends keyof DB, O> =
  | OrderByExpression<DB, TB, O>
  | readonly OrderByExpression<DB, TB, O>[];

/** How to read the rows of a list: what to select, and how each allowed sort orders them. */
export interface PageSpec<DB, TB extends keyof DB, O, S extends string> {
  select(query: SelectQueryBuilder<DB, TB, NothingSelected>): SelectQueryBuilder<DB, TB, O>;
  /** Each sort key the route allows; a list sorts by each of its expressions in turn. */
  orderBy: Record<S, OrderBy<DB, TB, O>>;
  /** Unique columns ordered last (ascending), so that pages neither overlap nor skip rows. */
  tiebreak?: readonly OrderByExpression<DB, TB, O>[];
}

/** Counts what `base` matches and reads the requested page of it, in the requested order. */
export async function paginate<DB, TB extends keyof DB, O, S extends string>(
  base: SelectQueryBuilder<DB, TB, NothingSelected>,
  request: PageRequest<S>,
  spec: PageSpec<DB, TB, O, S>,
): Promise<Page<Simplify<O>>> {
  const total = await countOf(base);
  let rows = spec.select(base);
  for (const expression of listOf(spec.orderBy[request.sort]))
    rows = rows.orderBy(expression, request.order);
  for (const expression of spec.tiebreak ?? []) rows = rows.orderBy(expression);
  const items = await rows.limit(request.limit).offset(request.offset).execute();
  return { items, total, limit: request.limit, offset: request.offset };
}

async function countOf<DB, TB extends keyof DB>(base: SelectQueryBuilder<DB, TB, NothingSelected>) {
  const row = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  // Over a generic DB, Kysely cannot narrow the row type to `{ n }`; the select above makes it so.
  return toCount((row as { n?: unknown } | undefined)?.n);
}

function listOf<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [value as T];
}
