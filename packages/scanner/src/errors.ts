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
