/**
 * `META-INF/MANIFEST.MF`: a main section of `Key: value` headers, then named sections after
 * blank lines. A line starting with one space continues the previous value (the JAR spec wraps
 * at 72 bytes). https://docs.oracle.com/en/java/javase/21/docs/specs/jar/jar.html#jar-manifest
 */
export interface Manifest {
  main: Map<string, string>;
  sections: Map<string, string>[];
}

/** Parses a manifest leniently: a line that is neither a header nor a continuation is skipped. */
export function parseManifest(text: string): Manifest {
  const sections: Map<string, string>[] = [new Map()];
  let lastKey: string | undefined;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const current = sections[sections.length - 1] as Map<string, string>;
    if (line.trim() === "") {
      if (current.size > 0) sections.push(new Map());
      lastKey = undefined;
    } else if (line.startsWith(" ") && lastKey !== undefined) {
      current.set(lastKey, (current.get(lastKey) ?? "") + line.slice(1));
    } else {
      lastKey = addHeader(current, line);
    }
  }
  const [main, ...rest] = sections as [Map<string, string>, ...Map<string, string>[]];
  return { main, sections: rest.filter((s) => s.size > 0) };
}

function addHeader(section: Map<string, string>, line: string): string | undefined {
  const colon = line.indexOf(":");
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon).trim();
  section.set(key, line.slice(colon + 1).trim());
  return key;
}
