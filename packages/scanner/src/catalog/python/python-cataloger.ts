import { catalogFiles, type EcosystemSpec, wantsPath } from "../file-parsers.js";
import type { Cataloger } from "../types.js";
import { installedParser, isOwnershipRecord } from "./parse-installed.js";
import { pipfileLockParser } from "./parse-pipfile-lock.js";
import { requirementsParser } from "./parse-requirements.js";
import { pypiPurl } from "./pypi.js";
import { pdmLockParser, poetryLockParser, pylockParser, uvLockParser } from "./toml-locks.js";

const spec: EcosystemSpec = {
  cataloger: "python",
  type: "pypi",
  parsers: [
    installedParser,
    requirementsParser,
    poetryLockParser,
    pipfileLockParser,
    uvLockParser,
    pdmLockParser,
    pylockParser,
  ],
  purlOf: (draft) => pypiPurl(draft.name, draft.version),
};

/**
 * Python distributions: installed ones from their core metadata (with the files RECORD or
 * installed-files.txt says they own), and those a project pins in requirements files or locks
 * in poetry.lock, Pipfile.lock, uv.lock, pdm.lock or pylock.toml.
 */
export const pythonCataloger = {
  name: "python",
  maxFileSize: 64 * 1024 * 1024,
  wants: (path: string) => isOwnershipRecord(path) || wantsPath(spec, path),
  catalog: (context) => catalogFiles(context, spec),
} satisfies Cataloger;
