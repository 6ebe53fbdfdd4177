import type { CorpusCapability } from "../capability.js";

/** npm corpus cases read differently from the upstream tool's test, and why. */
export const npmCapabilities: CorpusCapability[] = [
  {
    case: "cdxgen-package-json-v1-package-lock.json",
    status: "differs",
    reason:
      "cdxgen counts every install path and the root project; Lading lists each name@version once per lockfile and leaves the project itself out.",
    yields: 769,
  },
  {
    case: "cdxgen-package-json-v2-package-lock.json",
    status: "differs",
    reason:
      "cdxgen also counts the root project as a package; Lading leaves the project itself out (its first_package is that root).",
    yields: 133,
  },
  {
    case: "cdxgen-package-json-v3-package-lock.json",
    status: "differs",
    reason:
      "cdxgen also counts the root project as a package; Lading leaves the project itself out (its first_package is that root).",
    yields: 150,
  },
  {
    case: "cdxgen-pnpm-lock9a.yaml",
    status: "differs",
    reason:
      "cdxgen also counts workspace importers as packages; Lading lists only what the lockfile resolves in `packages`.",
    yields: 1005,
  },
  {
    case: "cdxgen-yarn_locks-yarn3.lock",
    status: "differs",
    reason:
      "cdxgen also counts workspace entries (linkType soft, the project itself); Lading lists only installed dependencies.",
    yields: 4,
  },
  {
    case: "scalibr-bunlock-alias.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-blog-sample.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-commits.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-empty.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-files.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-nested-dependencies-dup.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-nested-dependencies.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-no-packages.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-one-package-dev.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-one-package.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-optional-package.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-peer-dependencies-explicit.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-peer-dependencies-implicit.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-same-package-different-groups.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-scoped-packages-mixed.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-scoped-packages.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-bunlock-two-packages.json5",
    status: "unsupported",
    reason:
      "Bun's text lockfile (bun.lock, JSONC) is not read yet: Bun projects in a source scan show no packages.",
    yields: [],
  },
  {
    case: "scalibr-packagejson-duplicate-keys.json",
    status: "differs",
    reason:
      "scalibr lists the dependencies a project manifest names; Lading reads a package.json only as an installed package (inside node_modules), so it yields the package itself.",
    yields: ["duplicate-keys@1.0.0"],
  },
  {
    case: "scalibr-packagejson-package-with-deps.json",
    status: "differs",
    reason:
      "scalibr lists the dependencies a project manifest names; Lading reads a package.json only as an installed package (inside node_modules), so it yields the package itself.",
    yields: ["package-with-deps@1.2.3"],
  },
  {
    case: "scalibr-packagelockjson-both-package-lock.json",
    status: "differs",
    reason:
      "scalibr skips package-lock.json when npm-shrinkwrap.json sits beside it; here the fixture is read alone, as a lockfile it is.",
    yields: ["supports-color@5.5.0", "wrappy@1.0.2"],
  },
  {
    case: "scalibr-packagelockjson-commits.v1.json",
    status: "differs",
    reason:
      "git dependencies: scalibr empties the version and keeps the commit apart; Lading keeps the version the lockfile states (the git URL with its commit).",
    yields: [
      "@segment/analytics.js-integration-facebook-pixel@git+ssh://git@github.com/segmentio/analytics.js-integrations.git#3b1bb80b302c2e552685dc8a029797ec832ea7c9",
      "ansi-styles@1.0.0",
      "babel-preset-php@gitlab:kornelski/babel-preset-php#c5a7ba5e0ad98b8db1cb8ce105403dd4b768cced",
      "is-number-1@git+ssh://git@github.com/jonschlinkert/is-number.git#af885e2e890b9ef0875edd2b117305119ee5bdc5",
      "is-number-1@git+ssh://git@github.com/jonschlinkert/is-number.git#be5935f8d2595bcd97b05718ef1eeae08d812e10",
      "is-number-2@github:jonschlinkert/is-number#82dcc8e914dabd9305ab9ae580709a7825e824f5",
      "is-number-2@github:jonschlinkert/is-number#d5ac0584ee9ae7bd9288220a39780f155b9ad4c8",
      "is-number-3@git+ssh://git@github.com/jonschlinkert/is-number.git#82ae8802978da40d7f1be5ad5943c9e550ab2c89",
      "is-number-3@git+ssh://git@github.com/jonschlinkert/is-number.git#d5ac0584ee9ae7bd9288220a39780f155b9ad4c8",
      "is-number-4@git+ssh://git@github.com/jonschlinkert/is-number.git#af885e2e890b9ef0875edd2b117305119ee5bdc5",
      "is-number-5@git+https://dummy-token@github.com/jonschlinkert/is-number.git#af885e2e890b9ef0875edd2b117305119ee5bdc5",
      "is-number-6@git+https://github.com/jonschlinkert/is-number.git#af885e2e890b9ef0875edd2b117305119ee5bdc5",
      "postcss-calc@7.0.1",
      "raven-js@git+ssh://git@github.com/getsentry/raven-js.git#c2b377e7a254264fd4a1fe328e4e3cfc9e245570",
      "slick-carousel@git://github.com/brianfryer/slick.git#280b560161b751ba226d50c7db1e0a14a78c2de0",
    ],
  },
  {
    case: "scalibr-packagelockjson-commits.v2.json",
    status: "differs",
    reason:
      "a git dependency with no version in the lockfile has nothing to match advisories against; Lading leaves it out instead of reporting an empty version.",
    yields: [
      "@segment/analytics.js-integration-facebook-pixel@2.4.1",
      "ansi-styles@1.0.0",
      "babel-preset-php@1.1.1",
      "is-number-1@3.0.0",
      "is-number-2@2.0.0",
      "is-number-3@2.0.0",
      "is-number-3@3.0.0",
      "is-number-4@3.0.0",
      "is-number-5@3.0.0",
      "postcss-calc@7.0.1",
      "slick-carousel@1.7.1",
    ],
  },
  {
    case: "scalibr-packagelockjson-files.v1.json",
    status: "differs",
    reason:
      "local `file:` folders are the project's own code, not dependencies; Lading leaves them out.",
    yields: ["lodash@1.3.1"],
  },
  {
    case: "scalibr-packagelockjson-files.v2.json",
    status: "differs",
    reason:
      "local `file:` folders are the project's own code, not dependencies; Lading leaves them out.",
    yields: ["abbrev@1.0.9", "abbrev@2.3.4"],
  },
  {
    case: "scalibr-pnpmlock-files.yaml",
    status: "differs",
    reason:
      "local `file:` folders are the project's own code, not dependencies; Lading leaves them out.",
    yields: [],
  },
  {
    case: "scalibr-pnpmlock-mixed-groups.v9.yaml",
    status: "differs",
    reason:
      "scalibr does not tell dev from prod in pnpm v9 lockfiles; Lading does, from the importers (is-number is a devDependency). Same packages; the dev flag differs and is asserted in npm-cataloger.test.ts.",
    yields: ["ansi-regex@5.0.1", "is-number@7.0.0", "uuid@8.3.2"],
  },
  {
    case: "scalibr-pnpmlock-one-package-dev.v9.yaml",
    status: "differs",
    reason:
      "scalibr does not tell dev from prod in pnpm v9 lockfiles; Lading does, from the importers (acorn is a devDependency). Same package; the dev flag differs.",
    yields: ["acorn@8.11.3"],
  },
  {
    case: "scalibr-yarnlock-exclude-root.v2.lock",
    status: "differs",
    reason:
      "workspace packages (`linkType: soft`, version 0.0.0-use.local) are the project's own code; Lading leaves them out.",
    yields: ["ansi-regex@6.1.0"],
  },
  {
    case: "syft-javascript-pkg-lock-array-license-package-lock.json",
    status: "differs",
    reason: "syft lists the root project as a package; Lading leaves the project itself out.",
    yields: ["pause-stream@0.0.11", "through@2.3.8"],
  },
  {
    case: "syft-javascript-pkg-lock-nested-package-lock-1.json",
    status: "differs",
    reason: "syft leaves dev dependencies out by default; Lading lists them with dev: true.",
    yields: [
      "dev-nested@1.0.0",
      "dev-parent@1.0.0",
      "duplicate@1.0.0",
      "middle@1.0.0",
      "parent@1.0.0",
      "shared@0.5.0",
      "shared@1.0.0",
      "shared@2.0.0",
    ],
  },
  {
    case: "syft-javascript-pkg-lock-package-lock-2.json",
    status: "differs",
    reason:
      "syft lists the root project and leaves dev dependencies out; Lading does the opposite (async is dev: true).",
    yields: [
      "@types/prop-types@15.7.5",
      "@types/react@18.0.17",
      "@types/scheduler@0.16.2",
      "async@3.2.4",
      "csstype@3.1.0",
    ],
  },
  {
    case: "syft-javascript-pkg-lock-package-lock-3.json",
    status: "differs",
    reason:
      "syft lists the root project and leaves dev dependencies out; Lading does the opposite (async is dev: true).",
    yields: [
      "@types/prop-types@15.7.5",
      "@types/react@18.0.20",
      "@types/scheduler@0.16.2",
      "async@3.2.4",
      "csstype@3.1.1",
    ],
  },
  {
    case: "syft-javascript-pnpm-pnpm-lock.yaml",
    status: "differs",
    reason:
      "the fixture lists three importer dependencies whose package entries were trimmed away; Lading reports only packages the lockfile resolves.",
    yields: ["@bcoe/v8-coverage@0.2.3"],
  },
  {
    case: "syft-javascript-yarn-berry-yarn.lock",
    status: "differs",
    reason: "syft lists the workspace root (linkType soft); Lading leaves the project itself out.",
    yields: [
      "@babel/code-frame@7.10.4",
      "@types/minimatch@3.0.3",
      "@types/qs@6.9.4",
      "ajv@6.12.3",
      "asn1.js@4.10.1",
      "atob@2.1.2",
      "aws-sdk@2.706.0",
      "jhipster-core@7.3.4",
    ],
  },
  {
    case: "syft-javascript-yarn-dups-yarn.lock",
    status: "differs",
    reason:
      "an npm alias (`@4lolo/resize-observer-polyfill@npm:resize-observer-polyfill@...`): syft keeps the alias, Lading reports the real package, which is what advisories name.",
    yields: [
      "async@0.9.2",
      "async@3.2.3",
      "merge-objects@1.0.5",
      "resize-observer-polyfill@1.5.2",
      "should-type@1.3.0",
    ],
  },
  {
    case: "syft-javascript-yarn-v1-deps-yarn.lock",
    status: "differs",
    reason:
      "syft takes the name from the registry URL (something-i-made-up); Lading takes it from the lockfile key, which is what package.json asked for.",
    yields: [
      "@babel/code-frame@7.10.4",
      "@types/minimatch@3.0.3",
      "@types/qs@6.9.4",
      "ajv@6.12.3",
      "asn1.js@4.10.1",
      "atob@2.1.2",
      "aws-sdk@2.706.0",
      "c0n-fab_u.laTION@7.7.7",
      "jhipster-core@7.3.4",
    ],
  },
  {
    case: "syft-javascript-yarn-yarn.lock",
    status: "differs",
    reason:
      "syft takes the name from the registry URL (something-i-made-up); Lading takes it from the lockfile key, which is what package.json asked for.",
    yields: [
      "@babel/code-frame@7.10.4",
      "@types/minimatch@3.0.3",
      "@types/qs@6.9.4",
      "ajv@6.12.3",
      "asn1.js@4.10.1",
      "atob@2.1.2",
      "aws-sdk@2.706.0",
      "c0n-fab_u.laTION@7.7.7",
      "jhipster-core@7.3.4",
    ],
  },
  {
    case: "cdxgen-yarn_locks-yarnv2.lock",
    status: "differs",
    reason:
      "cdxgen also counts workspace entries (linkType soft, the project itself); Lading lists only installed dependencies.",
    yields: 1087,
  },
  {
    case: "cdxgen-yarn_locks-yarnv3.lock",
    status: "differs",
    reason:
      "cdxgen also counts workspace entries (linkType soft, the project itself); Lading lists only installed dependencies.",
    yields: 358,
  },
  {
    case: "syft-javascript-pkg-lock",
    status: "differs",
    reason:
      "a package both installed in node_modules and listed in package-lock.json is reported twice, once per source (foundHow installed and lockfile); syft merges the two.",
    yields: [
      "@actions/core@1.6.0",
      "@actions/core@1.6.0",
      "ansi-regex@3.0.0",
      "cowsay@1.4.0",
      "cowsay@1.4.0",
      "get-stdin@5.0.1",
      "is-fullwidth-code-point@2.0.0",
      "minimist@0.0.10",
      "optimist@0.6.1",
      "string-width@2.1.1",
      "strip-ansi@4.0.0",
      "strip-eof@1.0.0",
      "wordwrap@0.0.3",
    ],
  },
];
