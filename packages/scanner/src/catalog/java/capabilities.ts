/**
 * Corpus cases the Java cataloger deliberately answers differently from the scanner whose
 * test the case was taken from. A test checks that each still differs, so a case that starts
 * to pass must leave this table.
 */
export const javaCapabilities: readonly { case: string; reason: string }[] = [
  {
    case: "scalibr-archive-com.google.src.yolo-0.1.2.jar",
    reason:
      "osv-scalibr reports nothing for a manifest-only bundle; Lading reports the bundle the " +
      "manifest and file name agree on (com.google.src:com.google.src.yolo@0.1.2)",
  },
  {
    case: "scalibr-pomxml-with-parent.xml",
    reason:
      "a version managed only in a parent pom (org.dave:dave) needs that parent; Lading reads " +
      "each pom alone and leaves such a dependency out rather than guess its version",
  },
];
