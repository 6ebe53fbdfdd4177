/** Short form of a digest for messages: `sha256:0123456789ab`. */
export function shortDigest(digest: string): string {
  return digest.slice(0, digest.indexOf(":") + 13);
}

/** How a layer is named in messages: `layer 2 (sha256:0123456789ab)`. */
export function layerLabel(index: number, digest: string): string {
  return `layer ${index} (${shortDigest(digest)})`;
}
