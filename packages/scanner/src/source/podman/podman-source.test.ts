/**
 * The podman and docker sources against a real `podman system service` on a unix socket (it
 * speaks Docker's API), with the example alpine image loaded by `podman load`.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPodman, startPodman } from "../../../../../test/harness/podman.js";
import {
  pushArchive,
  type RunningRegistry,
  startRegistry,
} from "../../../../../test/harness/registry.js";
import { requireTools, skipWithoutTools } from "../../../../../test/harness/tools.js";
import { scan } from "../../scan.js";
import type { ScanResult } from "../../types.js";
import { alpineTar, exampleArchive } from "../image-fixtures.fixture.js";

const TOOLS = ["podman", "docker-registry", "skopeo"];
const packagesOf = (r: ScanResult) => r.packages.map((p) => p.purl);

let podman: RunningPodman;
let registry: RunningRegistry;
let work: string;
let archiveResult: ScanResult;

describe.skipIf(skipWithoutTools("the engine source tests", TOOLS))(
  "podman and docker sources",
  () => {
    beforeAll(async () => {
      requireTools(TOOLS);
      work = mkdtempSync(join(tmpdir(), "lading-engine-test-"));
      podman = await startPodman();
      podman.load(alpineTar());
      mkdirSync(join(work, "storage"));
      registry = await startRegistry({ storage: join(work, "storage") });
      pushArchive(alpineTar(), registry.host, "only/in-registry:3.10");
      archiveResult = await scan(`docker-archive:${exampleArchive}`);
    });

    afterAll(async () => {
      await podman?.stop();
      await registry?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it("streams the image from the engine and finds what the archive holds", async () => {
      const result = await scan("podman:alpine:3.10", { engine: podman.endpoint });
      expect(result.source).toEqual({ kind: "podman", target: "alpine:3.10" });
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      expect(result.image?.configDigest).toBe(archiveResult.image?.configDigest);
      expect(result.image?.layers.map((l) => l.diffId)).toEqual(
        archiveResult.image?.layers.map((l) => l.diffId),
      );
    });

    it("reads the same through docker: since Podman speaks Docker's API", async () => {
      const result = await scan("docker:localhost/alpine:3.10", { engine: podman.endpoint });
      expect(result.source.kind).toBe("docker");
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
    });

    it("says which engine lacks the image", async () => {
      await expect(scan("podman:nothere:1", { engine: podman.endpoint })).rejects.toThrow(
        /the podman engine at unix:\/\/.*podman\.sock has no image nothere:1/,
      );
    });

    it("says when no engine answers", async () => {
      const engine = `unix://${join(work, "absent.sock")}`;
      await expect(scan("podman:alpine:3.10", { engine })).rejects.toThrow(/does not answer/);
    });

    describe("for a bare reference", () => {
      const saved = { docker: process.env.DOCKER_HOST, podman: process.env.CONTAINER_HOST };
      beforeAll(() => {
        process.env.DOCKER_HOST = `unix://${join(work, "no-docker.sock")}`;
        process.env.CONTAINER_HOST = podman.endpoint;
      });
      afterAll(() => {
        for (const [name, value] of [
          ["DOCKER_HOST", saved.docker],
          ["CONTAINER_HOST", saved.podman],
        ]) {
          if (value === undefined) delete process.env[name as string];
          else process.env[name as string] = value;
        }
      });

      it("uses the engine that has the image", async () => {
        const result = await scan("localhost/alpine:3.10");
        expect(result.source.kind).toBe("podman");
        expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      });

      it("falls back to the registry when the engine lacks it", async () => {
        const result = await scan(`${registry.host}/only/in-registry:3.10`);
        expect(result.source.kind).toBe("registry");
        expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      });
    });
  },
);
