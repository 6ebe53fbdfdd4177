import { SourceError } from "../../errors.js";

/**
 * An image reference normalised as Docker does
 * (https://github.com/distribution/reference/blob/v0.6.0/normalize.go): `alpine` names
 * `docker.io/library/alpine:latest`.
 */
export interface ImageReference {
  /** Registry host as written, with its port (`docker.io`, `127.0.0.1:5000`). */
  domain: string;
  /** Repository path inside the registry (`library/alpine`). */
  repository: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const DOMAIN = /^(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;
const DEFAULT_DOMAIN = "docker.io";

/** Parses `[domain/]path[:tag][@digest]`; returns `undefined` when it is not a reference. */
export function parseReference(text: string): ImageReference | undefined {
  const [named = "", digest, ...extra] = text.split("@");
  if (extra.length > 0 || (digest !== undefined && !DIGEST.test(digest))) return undefined;
  const slash = named.lastIndexOf("/");
  const colon = named.lastIndexOf(":");
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  const name = tag === undefined ? named : named.slice(0, colon);
  const split = splitDomain(name);
  if (!split) return undefined;
  return { ...split, tag: tag ?? (digest ? undefined : "latest"), digest };
}

function splitDomain(name: string): Pick<ImageReference, "domain" | "repository"> | undefined {
  const first = name.indexOf("/");
  const head = first < 0 ? "" : name.slice(0, first);
  const isDomain = head.includes(".") || head.includes(":") || head === "localhost";
  const hasUpper = head !== head.toLowerCase();
  let domain = DEFAULT_DOMAIN;
  let path = name;
  if (first >= 0 && (isDomain || hasUpper)) {
    domain = head;
    path = name.slice(first + 1);
  }
  if (domain === "index.docker.io") domain = DEFAULT_DOMAIN;
  if (!DOMAIN.test(domain) || !path.split("/").every((c) => COMPONENT.test(c))) return undefined;
  if (domain === DEFAULT_DOMAIN && !path.includes("/")) path = `library/${path}`;
  return { domain, repository: path };
}

/** Parses a reference or throws a {@link SourceError} that says what a reference looks like. */
export function requireReference(text: string): ImageReference {
  const ref = parseReference(text);
  if (!ref) {
    throw new SourceError(
      `${text} is not an image reference: expected [host[:port]/]name[:tag][@sha256:...] in lower case`,
    );
  }
  return ref;
}

/** The full form: `docker.io/library/alpine:latest`, `host:5000/repo@sha256:...`. */
export function formatReference(ref: ImageReference): string {
  const tag = ref.tag ? `:${ref.tag}` : "";
  const digest = ref.digest ? `@${ref.digest}` : "";
  return `${ref.domain}/${ref.repository}${tag}${digest}`;
}

/** The tag or digest to ask the registry for; a digest wins when both are given. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? "latest";
}

/** The host the registry API answers on: Docker Hub's API is not at `docker.io`. */
export function apiHost(domain: string): string {
  return domain === DEFAULT_DOMAIN ? "registry-1.docker.io" : domain;
}

/** True for hosts on the loopback interface, where Docker allows plain HTTP unasked. */
export function isLoopbackHost(domain: string): boolean {
  const host = domain.replace(/:[0-9]+$/, "").replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
