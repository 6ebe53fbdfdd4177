import { describe, expect, it } from "vitest";
import { PolicyError } from "../errors.js";
import { parseOpenVex } from "./parse-openvex.js";

// Shapes from the OpenVEX spec's examples (v0.2.0 and the earlier v0.0.1 string form).
const v020 = {
  "@context": "https://openvex.dev/ns/v0.2.0",
  "@id": "https://example.com/vex/2024-0001",
  author: "Security team",
  timestamp: "2024-01-08T18:02:03Z",
  version: 1,
  statements: [
    {
      vulnerability: { name: "CVE-2022-42889", aliases: ["GHSA-599f-7c49-w659"] },
      products: [
        {
          "@id":
            "pkg:oci/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
          subcomponents: [{ "@id": "pkg:maven/org.apache.commons/commons-text@1.8" }],
        },
      ],
      status: "not_affected",
      justification: "vulnerable_code_not_in_execute_path",
    },
    {
      vulnerability: { name: "CVE-2020-15250" },
      products: [{ "@id": "pkg:maven/junit/junit@4.12" }],
      status: "fixed",
      timestamp: "2024-02-01T00:00:00Z",
    },
  ],
};

describe("parseOpenVex", () => {
  it("reads v0.2.0 statements with their products, subcomponents, justification and time", () => {
    expect(parseOpenVex(JSON.stringify(v020), "app.vex.json")).toEqual([
      {
        vulnerability: ["CVE-2022-42889", "GHSA-599f-7c49-w659"],
        products: [
          {
            id: "pkg:oci/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            subcomponents: ["pkg:maven/org.apache.commons/commons-text@1.8"],
          },
        ],
        status: "not_affected",
        justification: "vulnerable_code_not_in_execute_path",
        timestamp: "2024-01-08T18:02:03Z",
        document: "app.vex.json (https://example.com/vex/2024-0001)",
      },
      {
        vulnerability: ["CVE-2020-15250"],
        products: [{ id: "pkg:maven/junit/junit@4.12", subcomponents: [] }],
        status: "fixed",
        timestamp: "2024-02-01T00:00:00Z",
        document: "app.vex.json (https://example.com/vex/2024-0001)",
      },
    ]);
  });

  it("reads the v0.0.1 form: the vulnerability and products as strings", () => {
    const old = {
      "@context": "https://openvex.dev/ns",
      statements: [
        {
          vulnerability: "CVE-2019-14697",
          products: ["pkg:apk/alpine/musl@1.1.22-r2"],
          status: "not_affected",
          impact_statement: "no DNS lookups",
        },
      ],
    };
    const [statement] = parseOpenVex(JSON.stringify(old), "old.json");
    expect(statement).toMatchObject({
      vulnerability: ["CVE-2019-14697"],
      products: [{ id: "pkg:apk/alpine/musl@1.1.22-r2", subcomponents: [] }],
      impactStatement: "no DNS lookups",
    });
  });

  it.each([
    ["{", "f: not JSON"],
    ["[]", "an OpenVEX document is a JSON object"],
    ['{"@context":"https://cyclonedx.org"}', "not an OpenVEX document"],
    ['{"@context":"https://openvex.dev/ns/v0.2.0"}', '"statements" is not a list'],
    [
      '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"status":"ok"}]}',
      "f: statements[0]: status must be one of",
    ],
    [
      '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"status":"fixed","products":["x"]}]}',
      "f: statements[0]: no vulnerability named",
    ],
    [
      '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"status":"fixed","vulnerability":"CVE-1"}]}',
      "f: statements[0]: no products named",
    ],
  ])("refuses %s", (text, message) => {
    expect(() => parseOpenVex(text, "f")).toThrow(PolicyError);
    expect(() => parseOpenVex(text, "f")).toThrow(message);
  });
});
