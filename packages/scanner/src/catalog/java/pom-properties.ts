/**
 * `pom.properties` as Maven writes it into `META-INF/maven/<group>/<artifact>/`: a Java
 * properties file whose key ends at the first `=` or `:`.
 */
export interface PomProperties {
  groupId?: string;
  artifactId?: string;
  version?: string;
  /** Every other key, as written. */
  extra: Record<string, string>;
}

/** Parses a Java properties file into its key/value pairs, comments and blanks skipped. */
export function parseProperties(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const at = line.search(/[=:]/);
    if (at <= 0) continue;
    values.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return values;
}

/** Reads the Maven coordinates out of a `pom.properties` file. */
export function parsePomProperties(text: string): PomProperties {
  const values = parseProperties(text);
  const known = new Set(["groupId", "artifactId", "version"]);
  const extra = Object.fromEntries([...values].filter(([key]) => !known.has(key)));
  return {
    groupId: values.get("groupId") || undefined,
    artifactId: values.get("artifactId") || undefined,
    version: values.get("version") || undefined,
    extra,
  };
}
