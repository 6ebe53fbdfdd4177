import { describe, expect, it } from "vitest";
import type { Container, Image } from "./engine/discover.js";
import { containerPath, hostPath, ociLabels, toProjectName } from "./naming.js";

const container = (over: Partial<Container>): Container => ({
  id: "0abf9ca0ae25",
  name: "quirky_lamport",
  state: "created",
  labels: {},
  image: "registry.example:5000/team/app:1.2",
  imageId: "sha256:af341ccd2df8",
  ...over,
});
const image: Image = {
  id: "sha256:af341ccd2df8",
  labels: {
    "org.opencontainers.image.title": "Shop API",
    "org.opencontainers.image.version": "1.2",
    maintainer: "someone",
  },
  repoTags: ["registry.example:5000/team/app:1.2"],
  repoDigests: [],
};

describe("project names", () => {
  it.each([
    [
      "Compose project and service first",
      container({
        labels: { "com.docker.compose.project": "shop", "com.docker.compose.service": "web" },
      }),
      image,
      "prod/host-1/shop/web",
    ],
    ["then the OCI title, cleaned", container({}), image, "prod/host-1/Shop-API"],
    [
      "the container's own title label over the image's",
      container({ labels: { "org.opencontainers.image.title": "edge" } }),
      image,
      "prod/host-1/edge",
    ],
    ["then the container name", container({}), undefined, "prod/host-1/quirky_lamport"],
    [
      "then the image's last name and tag",
      container({ name: "" }),
      undefined,
      "prod/host-1/app:1.2",
    ],
  ])("%s", (_, c, i, expected) => {
    expect(containerPath("prod/host-1", c, i)).toBe(expected);
  });

  it("keeps a lone Compose project label from naming anything", () => {
    const c = container({ labels: { "com.docker.compose.project": "shop" } });
    expect(containerPath("h", c, undefined)).toBe("h/quirky_lamport");
  });

  it("makes names the server accepts", () => {
    expect(toProjectName("/my app!")).toBe("my-app-");
    expect(toProjectName("...")).toBe("unnamed");
    expect(toProjectName("x".repeat(300))).toHaveLength(128);
  });

  it("puts the host below the prefix", () => {
    expect(hostPath("web 01.example", "prod/eu")).toBe("prod/eu/web-01.example");
    expect(hostPath("vm")).toBe("vm");
  });

  it("tags with the OCI labels only", () => {
    expect(ociLabels(image)).toEqual({
      "org.opencontainers.image.title": "Shop API",
      "org.opencontainers.image.version": "1.2",
    });
  });
});
