import type { RuntimeDraft } from "./runtime-package.js";

/** Reads a runtime's version from one file's bytes. */
export interface FileProbe {
  /** Cheap test on the absolute path alone. */
  matches(path: string): boolean;
  /** The runtime the bytes name, or undefined when they name none. */
  read(content: Buffer, path: string): RuntimeDraft | undefined;
  /**
   * For a big file: the few bytes `read` looks at, which it reads to the same result, held in
   * the file's place until cataloging. Undefined holds the file as it is.
   */
  condense?(content: Buffer): Buffer | undefined;
}

/** Text files are small; anything bigger at these paths is not the file we look for. */
const MAX_TEXT = 64 * 1024;

const text = (content: Buffer) => (content.length > MAX_TEXT ? "" : content.toString("latin1"));

/**
 * An official Node.js build records its release URLs (`process.release.headersUrl`), which
 * embed the version: `.../release/v16.20.2/node-v16.20.2-headers.tar.gz`.
 */
const nodeBinary: FileProbe = {
  matches: (path) => path === "/usr/local/bin/node",
  read(content) {
    const window = versionWindow(content)?.toString("latin1");
    const version = window && /node-v(\d+\.\d+\.\d+)-headers\.tar\.gz$/.exec(window)?.[1];
    return version ? { product: "nodejs", name: "node", version, foundHow: "binary" } : undefined;
  },
  // The binary is about 100 MB; its version is in the 55 bytes around the headers URL's end.
  condense: (content) => {
    const window = versionWindow(content);
    return window && Buffer.from(window);
  },
};

const HEADERS_SUFFIX = "-headers.tar.gz";

/** The bytes that end with the first `-headers.tar.gz`, with the 40 before it. */
function versionWindow(content: Buffer): Buffer | undefined {
  const at = content.indexOf(HEADERS_SUFFIX);
  if (at < 0) return undefined;
  return content.subarray(Math.max(0, at - 40), at + HEADERS_SUFFIX.length);
}

/** The headers every official Node.js image installs beside the binary. */
const nodeHeader: FileProbe = {
  matches: (path) => path === "/usr/local/include/node/node_version.h",
  read(content) {
    const source = text(content);
    const part = (name: string) =>
      new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(source)?.[1];
    const [major, minor, patch] = [part("MAJOR"), part("MINOR"), part("PATCH")];
    if (!major || !minor || !patch) return undefined;
    return {
      product: "nodejs",
      name: "node",
      version: `${major}.${minor}.${patch}`,
      foundHow: "installed",
    };
  },
};

/** A Python built from source (the official images) installs `patchlevel.h` with its version. */
const pythonHeader: FileProbe = {
  matches: (path) => /^\/usr\/local\/include\/python\d\.\d+\/patchlevel\.h$/.test(path),
  read(content) {
    const version = /#define PY_VERSION\s+"(\d+\.\d+\.\d+)/.exec(text(content))?.[1];
    return version
      ? { product: "python", name: "python", version, foundHow: "installed" }
      : undefined;
  },
};

/** The Go distribution's `VERSION` file: `go1.21.5` on its first line. */
const goVersionFile: FileProbe = {
  matches: (path) => path === "/usr/local/go/VERSION",
  read(content) {
    const version = /^go(\d+\.\d+(\.\d+)?)/.exec(text(content))?.[1];
    return version ? { product: "go", name: "go", version, foundHow: "installed" } : undefined;
  },
};

/** A JDK's `release` file (`JAVA_VERSION="17.0.9"`), in Temurin images and distro JVM dirs. */
const javaRelease: FileProbe = {
  matches: (path) =>
    path === "/opt/java/openjdk/release" || /^\/usr\/lib\/jvm\/[^/]+\/release$/.test(path),
  read(content) {
    const version = /^JAVA_VERSION="([^"]+)"/m.exec(text(content))?.[1];
    return version
      ? { product: "eclipse-temurin", name: "openjdk", version, foundHow: "installed" }
      : undefined;
  },
};

/** The PHP headers the official images keep for `docker-php-ext-install`. */
const phpHeader: FileProbe = {
  matches: (path) => path === "/usr/local/include/php/main/php_version.h",
  read(content) {
    const version = /#define PHP_VERSION "(\d+\.\d+\.\d+)/.exec(text(content))?.[1];
    return version ? { product: "php", name: "php", version, foundHow: "installed" } : undefined;
  },
};

/** Every probe of file contents, in the order their findings are listed. */
export const fileProbes: readonly FileProbe[] = [
  nodeBinary,
  nodeHeader,
  pythonHeader,
  goVersionFile,
  javaRelease,
  phpHeader,
];
