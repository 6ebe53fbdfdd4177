import type { CorpusCapability } from "../capability.js";

/** Python corpus cases read differently from the upstream tool's test, and why. */
export const pythonCapabilities: CorpusCapability[] = [
  {
    case: "cdxgen-Pipfile.lock",
    status: "differs",
    reason:
      "cdxgen also counts Pipfile.lock entries without a pinned version (VCS and path sources); Lading reports only pinned releases, the only ones advisories can match.",
    yields: 39,
  },
  {
    case: "cdxgen-pdm.lock",
    status: "differs",
    reason:
      "cdxgen counts a package once per platform-specific entry; Lading lists each name@version once per lockfile.",
    yields: 37,
  },
  {
    case: "cdxgen-uv.lock",
    status: "differs",
    reason:
      "cdxgen also counts the project itself (a virtual or editable source); Lading leaves the project out.",
    yields: 62,
  },
  {
    case: "scalibr-requirements-example.txt",
    status: "differs",
    reason:
      "scalibr follows `-r` includes into other files; Lading reads each requirements file on its own (the included file is read when it is itself named requirements*.txt).",
    yields: ["docopt@0.6.1", "pandas@2.2.3"],
  },
  {
    case: "scalibr-requirements-per_req_options.txt",
    status: "differs",
    reason:
      "scalibr keeps pins followed by per-requirement options or stray text; Lading reads only a clean `name==version` (with extras, markers and hashes), so a line it cannot read exactly is not guessed at.",
    yields: [
      "foo11@1.0",
      "foo13@1.0",
      "foo15@--config-settings",
      "foo16-Client@1.0",
      "foo17--hash@1.0",
      "foo1@1.0",
      "foo4@1.0",
      "foo5@1.0",
      "foo8@1.0",
      "foo9@1.0",
    ],
  },
  {
    case: "scalibr-requirements-with_versions.txt",
    status: "differs",
    reason:
      "scalibr reports the lower bound of a range (`>=0.2.2`) as the version; Lading reports only exact pins, since a range does not say what is installed.",
    yields: [
      "hy-phen@1.2",
      "nltk@3.2.2",
      "pkg.dot.name@5.0.0",
      "qwerty@0.1",
      "tabulate@0.7.7",
      "under_score@1.3",
      "yolo@1.0",
    ],
  },
  {
    case: "scalibr-uvlock-grouped-packages.lock",
    status: "differs",
    reason:
      "scalibr's uv test asserts a different set (it leaves out packages reached only through the project); Lading lists every package uv.lock resolves except the project itself.",
    yields: [
      "black@24.10.0",
      "click@8.1.7",
      "colorama@0.4.6",
      "emoji@2.14.0",
      "flake8@7.1.1",
      "mccabe@0.7.0",
      "mypy-extensions@1.0.0",
      "packaging@24.2",
      "pathspec@0.12.1",
      "platformdirs@4.3.6",
      "pycodestyle@2.12.1",
      "pyflakes@3.2.0",
      "tomli@2.2.1",
      "typing-extensions@4.12.2",
    ],
  },
  {
    case: "scalibr-uvlock-names-outside-package-block.lock",
    status: "differs",
    reason:
      "scalibr's uv test asserts a different set (it leaves out packages reached only through the project); Lading lists every package uv.lock resolves except the project itself.",
    yields: ["first-pkg@1.0.0", "second-pkg@2.0.0"],
  },
  {
    case: "scalibr-uvlock-one-package.lock",
    status: "differs",
    reason:
      "scalibr's uv test asserts a different set (it leaves out packages reached only through the project); Lading lists every package uv.lock resolves except the project itself.",
    yields: ["emoji@2.14.0"],
  },
  {
    case: "scalibr-uvlock-two-packages.lock",
    status: "differs",
    reason:
      "scalibr's uv test asserts a different set (it leaves out packages reached only through the project); Lading lists every package uv.lock resolves except the project itself.",
    yields: ["emoji@2.14.0", "protobuf@4.25.5"],
  },
  {
    case: "scalibr-wheelegg-monotonic-1.6-py2.py3-none-any.whl",
    status: "unsupported",
    reason:
      "wheel and egg archives (zip files) are not opened: an image that carries a bare .whl or .egg without unpacking it shows no package for it.",
    yields: [],
  },
  {
    case: "scalibr-wheelegg-monotonic-1.6-py3.10.egg",
    status: "unsupported",
    reason:
      "wheel and egg archives (zip files) are not opened: an image that carries a bare .whl or .egg without unpacking it shows no package for it.",
    yields: [],
  },
  {
    case: "syft-python-pipfile-lock-Pipfile.lock",
    status: "differs",
    reason: "syft leaves the `develop` section out; Lading lists those packages with dev: true.",
    yields: [
      "aio-pika@6.8.0",
      "aiodns@2.0.0",
      "aiohttp-jinja2@1.4.2",
      "aiohttp@3.7.4.post0",
      "astroid@2.5.2",
      "autopep8@1.5.6",
    ],
  },
  {
    case: "syft-python-requires-requirements.txt",
    status: "differs",
    reason:
      "syft reports the lower bound of ranges and follows other forms; Lading reports only exact `==`/`===` pins.",
    yields: [
      "FrIeNdLy-_-bArD@1.0.0",
      "SomeProject@5.4",
      "argh@0.26.2",
      "argh@0.26.3",
      "celery@4.4.7",
      "dots-._allowed@1.0.0",
      "flask@4.0.0",
      "foo@1.0.0",
      "local-version@1.2.3+gcr.2",
      "urllib3@1.26.20",
    ],
  },
  {
    case: "syft-python-uv-simple-deps-uv.lock",
    status: "differs",
    reason: "syft lists the project itself (a virtual source); Lading leaves it out.",
    yields: [
      "certifi@2025.1.31",
      "charset-normalizer@3.4.1",
      "idna@3.10",
      "requests@2.32.3",
      "urllib3@2.3.0",
    ],
  },
  {
    case: "cdxgen-requirements.complex.txt",
    status: "differs",
    reason:
      "every requirement in this file is a range, a URL or an option, none an exact pin; cdxgen asserts nothing for it and Lading reports nothing, as it reports only pins.",
    yields: [],
  },
  {
    case: "syft-python-site-packages-license",
    status: "differs",
    reason:
      "two dist-info directories describe the same release; Lading reports each installed copy at its own location, syft keeps one.",
    yields: ["Pygments@2.6.1", "Pygments@2.6.1"],
  },
  {
    case: "syft-python-site-packages-nested",
    status: "differs",
    reason:
      "syft adds a vcs_url qualifier to the purl from direct_url.json; Lading's purl names the release only (TODO: read direct_url.json, or a package installed from git is matched as if from PyPI).",
    yields: ["Pygments@2.6.1", "requests@2.22.0"],
  },
  {
    case: "syft-python-site-packages-uppercase",
    status: "differs",
    reason:
      "syft adds a vcs_url qualifier to the purl from direct_url.json; Lading's purl names the release only.",
    yields: ["Pygments@2.6.1", "requests@2.22.0"],
  },
];
