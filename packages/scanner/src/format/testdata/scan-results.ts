import type { ScanResult } from "../../types.js";

// A hand-built scan of a Debian 12 image with an npm application on top, plus stray apk and rpm
// records (as multi-stage builds leave behind), a broken dpkg record kept as an unknown, and a
// vendored copy of one npm package. Versions, digests and maintainers are copied from real
// Debian bookworm, Alpine 3.10 and UBI 9 packages so that purls and licences look as they do
// in the field. Every format's tests write this same result.

const base = "sha256:5d0aeceef7eeb5c2f3d4c5a1fd7ed9ef0a7d3bfd9d1c02e6b2f15c8c2a1f0b11";
const tools = "sha256:9a3b1f2e4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";
const app = "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

/** A scan of a three-layer image holding deb, apk, rpm and npm packages. */
export const imageScan: ScanResult = {
  source: { kind: "docker-archive", target: "testdata/fixture-image.tar" },
  image: {
    configDigest: "sha256:7c3f52c8b7e4f6a2d1e0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a998",
    manifestDigest: "sha256:1b4e8f2a6c0d9e3f7a5b1c8d2e6f0a4b9c3d7e1f5a2b6c0d4e8f3a7b1c5d9e2f",
    repoTags: ["registry.example/lading/fixture:1.0", "registry.example/lading/fixture:latest"],
    repoDigests: [],
    os: "linux",
    architecture: "amd64",
    created: "2024-05-14T09:12:44Z",
    labels: {
      "org.opencontainers.image.source": "https://github.com/example/fixture",
      "org.opencontainers.image.version": "1.0",
    },
    layers: [
      { index: 0, digest: base, diffId: base, createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1715558400'" },
      { index: 1, digest: tools, diffId: tools, createdBy: "RUN /bin/sh -c apt-get install -y --no-install-recommends ca-certificates # buildkit" },
      { index: 2, digest: app, diffId: app, createdBy: "COPY app /app # buildkit" },
    ],
    history: [
      { created: "2024-05-13T00:00:00Z", createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1715558400'", emptyLayer: false },
      { created: "2024-05-13T00:00:00Z", createdBy: 'CMD ["bash"]', emptyLayer: true },
      { created: "2024-05-14T09:12:40Z", createdBy: "RUN /bin/sh -c apt-get install -y --no-install-recommends ca-certificates # buildkit", emptyLayer: false },
      { created: "2024-05-14T09:12:44Z", createdBy: "COPY app /app # buildkit", emptyLayer: false },
    ],
  },
  distro: {
    id: "debian",
    versionId: "12",
    versionCodename: "bookworm",
    name: "Debian GNU/Linux",
    prettyName: "Debian GNU/Linux 12 (bookworm)",
  },
  packages: [
    {
      name: "base-files",
      version: "12.4+deb12u5",
      type: "deb",
      purl: "pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64&distro=debian-12",
      foundBy: "dpkg",
      foundHow: "installed",
      locations: [
        { path: "/var/lib/dpkg/status", layer: base },
        { path: "/var/lib/dpkg/info/base-files.list", layer: base },
      ],
      layer: base,
      arch: "amd64",
      maintainer: "Santiago Vila <sanvila@debian.org>",
      description: "Debian base system miscellaneous files",
      files: ["/etc/debian_version", "/etc/os-release"],
    },
    {
      name: "ca-certificates",
      version: "20230311",
      type: "deb",
      purl: "pkg:deb/debian/ca-certificates@20230311?arch=all&distro=debian-12",
      foundBy: "dpkg",
      foundHow: "installed",
      locations: [
        { path: "/var/lib/dpkg/status", layer: tools },
        { path: "/var/lib/dpkg/info/ca-certificates.list", layer: tools },
      ],
      layer: tools,
      arch: "all",
      maintainer: "Julien Cristau <jcristau@debian.org>",
      description: "Common CA certificates",
    },
    {
      name: "libc6",
      version: "2.36-9+deb12u4",
      type: "deb",
      purl: "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc&distro=debian-12",
      foundBy: "dpkg",
      foundHow: "installed",
      locations: [
        { path: "/var/lib/dpkg/status", layer: base },
        { path: "/var/lib/dpkg/info/libc6:amd64.list", layer: base },
      ],
      layer: base,
      arch: "amd64",
      source: { name: "glibc" },
      maintainer: "GNU Libc Maintainers <debian-glibc@lists.debian.org>",
      description: "GNU C Library: Shared libraries",
    },
    {
      name: "musl",
      version: "1.1.22-r3",
      type: "apk",
      purl: "pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.2",
      foundBy: "apk",
      foundHow: "installed",
      locations: [{ path: "/lib/apk/db/installed", layer: tools }],
      layer: tools,
      arch: "x86_64",
      licenses: ["MIT"],
      source: { name: "musl" },
      maintainer: "Timo Teräs <timo.teras@iki.fi>",
      description: "the musl c library (libc) implementation",
    },
    {
      name: "openssl-libs",
      version: "1:3.0.7-27.el9",
      type: "rpm",
      purl: "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm&distro=rhel-9.4",
      foundBy: "rpm",
      foundHow: "installed",
      locations: [{ path: "/var/lib/rpm/rpmdb.sqlite", layer: tools }],
      layer: tools,
      arch: "x86_64",
      epoch: 1,
      licenses: ["ASL 2.0"],
      source: { name: "openssl", version: "3.0.7-27.el9" },
      maintainer: "Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>",
    },
    {
      name: "@babel/runtime",
      version: "7.24.5",
      type: "npm",
      purl: "pkg:npm/%40babel/runtime@7.24.5",
      foundBy: "npm",
      foundHow: "installed",
      locations: [{ path: "/app/node_modules/@babel/runtime/package.json", layer: app }],
      layer: app,
      licenses: ["MIT"],
      maintainer: "The Babel Team (https://babel.dev/team)",
    },
    {
      name: "lodash",
      version: "4.17.21",
      type: "npm",
      purl: "pkg:npm/lodash@4.17.21",
      foundBy: "npm",
      foundHow: "installed",
      locations: [{ path: "/app/node_modules/lodash/package.json", layer: app }],
      layer: app,
      licenses: ["MIT"],
      maintainer: "John-David Dalton <john.david.dalton@gmail.com>",
      description: "Lodash modular utilities.",
    },
    {
      name: "lodash",
      version: "4.17.21",
      type: "npm",
      purl: "pkg:npm/lodash@4.17.21",
      foundBy: "npm",
      foundHow: "installed",
      locations: [{ path: "/app/vendor/node_modules/lodash/package.json", layer: app }],
      layer: app,
      licenses: ["MIT"],
      dev: true,
    },
    {
      name: "node-forge",
      version: "1.3.1",
      type: "npm",
      purl: "pkg:npm/node-forge@1.3.1",
      foundBy: "npm",
      foundHow: "installed",
      locations: [{ path: "/app/node_modules/node-forge/package.json", layer: app }],
      layer: app,
      licenses: ["(BSD-3-Clause OR GPL-2.0)"],
      maintainer: "Digital Bazaar, Inc. <support@digitalbazaar.com>",
    },
  ],
  unknowns: [
    {
      path: "/var/lib/dpkg/status.d/broken",
      layer: tools,
      cataloger: "dpkg",
      reason: 'record 3: no "Package:" field',
    },
    { path: "/app/node_modules/big/package.json", layer: app, reason: "file larger than 4 MiB" },
  ],
  timings: { read: 412, catalog: 37, total: 455 },
};

/** A scan of a directory that held nothing a cataloger recognised. */
export const emptyDirectoryScan: ScanResult = {
  source: { kind: "dir", target: "/srv/empty" },
  packages: [],
  unknowns: [],
  timings: { read: 1, catalog: 0, total: 1 },
};
