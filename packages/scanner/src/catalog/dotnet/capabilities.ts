/**
 * Corpus expectations the .NET cataloger cannot be held to, with the reason; a test checks
 * that each reason still holds.
 */
export const dotnetCapabilities: readonly { case: string; reason: string }[] = [
  {
    case: "cdxgen-packages.lock.json",
    reason:
      "the summary's first package (0x53A.ReferenceAssemblies.Paket) does not occur in this " +
      "lockfile: it was transcribed from another cdxgen assertion, so only presence is checked",
  },
  {
    case: "cdxgen-packages2.lock.json",
    reason: "same mis-transcribed summary as cdxgen-packages.lock.json",
  },
];
