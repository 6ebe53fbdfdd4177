/**
 * Runs one hostile input in-process within a time bound and a memory bound. Asynchronous work
 * that never settles (a stream that neither ends nor errors) is cut off by a timer; work that
 * finishes late or grows the heap past its bound fails the case after the fact.
 * TODO: a synchronous endless loop cannot be interrupted in-process; it would stall the test
 * until vitest's own timeout kills the worker. Running each case in a worker thread would catch
 * it cleanly, at the cost of loading the scanner per case (far slower per input).
 */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** What one input may cost. */
export interface Bounds {
  /** Wall time for the whole case, in milliseconds. */
  timeMs: number;
  /** Heap growth allowed for the case, in bytes, on top of a multiple of the input's size. */
  heapBytes: number;
  /** Heap growth allowed per byte of input (a parser may hold a few copies of its input). */
  heapPerInputByte?: number;
}

/** A case that broke its bounds: the property fails with this message. */
export class BoundsError extends Error {}

/** The input's outcome: its value, or the error it ended in (which the caller judges). */
export type Outcome<T> = { value: T } | { error: unknown };

/**
 * Runs `work` on an input of `inputBytes` bytes; throws {@link BoundsError} when it takes longer
 * than `bounds.timeMs` or grows the heap past its bound, else returns how it ended.
 */
export async function runBounded<T>(
  work: () => Promise<T> | T,
  inputBytes: number,
  bounds: Bounds,
): Promise<Outcome<T>> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const outcome = await withTimeout(work, bounds.timeMs);
  const elapsed = performance.now() - started;
  if (elapsed > bounds.timeMs) {
    throw new BoundsError(`took ${elapsed.toFixed(0)} ms, over the ${bounds.timeMs} ms bound`);
  }
  const grown = process.memoryUsage().heapUsed - heapBefore;
  const allowed = bounds.heapBytes + inputBytes * (bounds.heapPerInputByte ?? 16);
  if (grown > allowed) {
    throw new BoundsError(`heap grew ${grown} bytes on a ${inputBytes}-byte input (${allowed})`);
  }
  return outcome;
}

async function withTimeout<T>(work: () => Promise<T> | T, timeMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BoundsError(`no result within ${timeMs} ms`)), timeMs);
  });
  try {
    return await Promise.race([settle(work), hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function settle<T>(work: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { value: await work() };
  } catch (error) {
    return { error };
  }
}

let collect: (() => void) | undefined;

/**
 * The heap in use after a full garbage collection, for a leak check around a whole property:
 * per-case figures include garbage not yet collected, so only a collected heap shows retention.
 */
export function settledHeap(): number {
  if (collect === undefined) {
    // --expose-gc set at run time still lets a fresh context reach `gc`.
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
  return process.memoryUsage().heapUsed;
}

/** Fails with the error's message when `outcome` is an error that is not one of `allowed`. */
export function expectClearError<T>(
  outcome: Outcome<T>,
  allowed: readonly (abstract new (...args: never[]) => Error)[],
): void {
  if (!("error" in outcome)) return;
  const { error } = outcome;
  const clear = allowed.some((type) => error instanceof type);
  if (!clear || (error as Error).message.trim() === "") {
    const name = error instanceof Error ? error.constructor.name : typeof error;
    throw new Error(`unclear error ${name}: ${String((error as Error)?.stack ?? error)}`);
  }
}
