/**
 * Typed errors. Faults and bad configuration throw one of these with a one-line message and
 * the underlying `cause`; bad data inside an image becomes an {@link Unknown} instead.
 */

/** Base class of every error the scanner throws on purpose. */
export class LadingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The source could not be found, recognised or chosen from (ambiguous, unknown kind). */
export class SourceError extends LadingError {}

/** The image is malformed: bad manifest, missing blob, truncated or undecodable layer. */
export class ImageFormatError extends LadingError {}

/** A blob's content does not match the digest or size its manifest gives. */
export class DigestMismatchError extends ImageFormatError {}

/** A path could not be resolved inside the image (symlink loop, too many hops). */
export class PathResolutionError extends LadingError {}

/**
 * An SBOM handed to the reader is not JSON, not a format Lading reads, or breaks its schema.
 * The message names the first problem as `path: reason`; an HTTP boundary answers 400.
 */
export class SbomFormatError extends LadingError {}

/** An SBOM is larger than the reader was allowed to parse; an HTTP boundary answers 413. */
export class SbomTooLargeError extends SbomFormatError {}
