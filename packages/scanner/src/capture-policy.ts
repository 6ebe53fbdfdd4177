import { distroDetector } from "./catalog/distro/distro.js";
import { catalogers as registryCatalogers } from "./catalog/registry.js";
import type { Cataloger } from "./catalog/types.js";
import type { CapturePolicy, PortablePolicy } from "./filetree/types.js";
import { capturePolicyKey } from "./source/cache/policy-key.js";

/** The module that holds the registry's cataloger list, for threads that rebuild it. */
const REGISTRY_MODULE = new URL("./catalog/registry.js", import.meta.url).href;

/**
 * The union of what the distro detector and every cataloger want to read. With `portable`,
 * worker threads can rebuild the same policy and read layers off the main thread.
 */
export function createCapturePolicy(
  catalogers: readonly Cataloger[],
  portable?: PortablePolicy,
): CapturePolicy {
  const all = [distroDetector, ...catalogers];
  const key = capturePolicyKey(all);
  return {
    wants: (path) => all.some((c) => c.wants(path)),
    maxSize: (path) => Math.max(...all.filter((c) => c.wants(path)).map((c) => c.maxFileSize)),
    keep: (path, content) => {
      const keepers = all.filter((c) => c.wants(path) && keepsOf(c)(path, content));
      if (keepers.length === 0) return undefined;
      // A condensed record serves only the reader that made it, so only a sole keeper condenses.
      const only = keepers.length === 1 ? keepers[0] : undefined;
      const record = only && "condense" in only ? only.condense?.(path, content) : undefined;
      // A record that cannot be made leaves the bytes, for the reader to judge when cataloging.
      if (record instanceof Promise)
        return record.then(
          (r) => r ?? content,
          () => content,
        );
      return record ?? content;
    },
    keepsHead: (path, head) => all.some((c) => c.wants(path) && headOf(c)(path, head)),
    get key() {
      return key();
    },
    portable,
  };
}

/** A reader's first look at a wanted file's head; a reader without one reads every file whole. */
function headOf(
  reader: Pick<Cataloger, "name" | "keepsHead">,
): NonNullable<Cataloger["keepsHead"]> {
  return reader.keepsHead?.bind(reader) ?? (() => true);
}

/** A reader's second look at a wanted file's bytes; a reader without one keeps them all. */
function keepsOf(reader: Pick<Cataloger, "name" | "keeps">): NonNullable<Cataloger["keeps"]> {
  return reader.keeps?.bind(reader) ?? (() => true);
}

/**
 * How another thread finds `catalogers` again: the module they came from, or the registry when
 * each is the registry's own object. A list of other objects (functions cannot cross threads)
 * gives none, and its layers are read on the calling thread.
 */
export function portableCatalogers(
  catalogers: readonly Cataloger[],
  module?: string,
): PortablePolicy | undefined {
  const names = catalogers.map((c) => c.name);
  if (module !== undefined) return { module, names };
  const fromRegistry = catalogers.every((c) => registryCatalogers.includes(c));
  return fromRegistry ? { module: REGISTRY_MODULE, names } : undefined;
}

/** Rebuilds a portable policy in this thread, from the `catalogers` export of its module. */
export async function loadPortablePolicy(portable: PortablePolicy): Promise<CapturePolicy> {
  const loaded = (await import(portable.module)) as { catalogers?: readonly Cataloger[] };
  const byName = new Map((loaded.catalogers ?? []).map((c) => [c.name, c]));
  const catalogers = portable.names.map((name) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`${portable.module} has no cataloger ${name}`);
    return found;
  });
  return createCapturePolicy(catalogers, portable);
}
