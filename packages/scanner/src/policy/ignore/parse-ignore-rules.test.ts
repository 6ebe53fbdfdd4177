import { describe, expect, it } from "vitest";
import { PolicyError } from "../errors.js";
import { parseIgnoreRules } from "./parse-ignore-rules.js";

describe("parseIgnoreRules", () => {
  it("reads every field, an unquoted date as the day it names, and leaves other sections", () => {
    const text = [
      "layers:",
      "  lowest-efficiency: 0.9",
      "ignore:",
      "  - id: CVE-2022-42889",
      "    package: pkg:maven/org.apache.commons/commons-text",
      "    reason: StringSubstitutor is never given user input",
      "    expires: 2031-01-31",
      "  - package: openssl",
      "    reason: 'rebuilt nightly'",
      "    expires: '2020-01-01'",
    ].join("\n");
    expect(parseIgnoreRules(text, ".lading.yaml")).toEqual([
      {
        id: "CVE-2022-42889",
        package: "pkg:maven/org.apache.commons/commons-text",
        reason: "StringSubstitutor is never given user input",
        expires: "2031-01-31",
      },
      { package: "openssl", reason: "rebuilt nightly", expires: "2020-01-01" },
    ]);
  });

  it("gives no rules for a file without an ignore section", () => {
    expect(parseIgnoreRules("db:\n  max-age: 7d\n", "f")).toEqual([]);
    expect(parseIgnoreRules("", "f")).toEqual([]);
  });

  it.each([
    ["ignore: CVE-1", 'f: "ignore" must be a list of rules'],
    ["ignore:\n  - reason: x", "f: ignore[0]: give an id, a package or both"],
    ["ignore:\n  - id: CVE-1\n    until: 2030-01-01", 'f: ignore[0]: unknown field "until"'],
    ["ignore:\n  - id: CVE-1\n    expires: next year", '"expires" must be a date as YYYY-MM-DD'],
    ["ignore:\n  - id: 7", 'f: ignore[0]: "id" must be a non-empty string'],
    ["ignore: [", "f: not YAML"],
  ])("refuses %j with a message naming the rule", (text, message) => {
    expect(() => parseIgnoreRules(text, "f")).toThrow(PolicyError);
    expect(() => parseIgnoreRules(text, "f")).toThrow(message);
  });
});
