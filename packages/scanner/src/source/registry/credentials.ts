import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { SourceError } from "../../errors.js";
import type { RegistryOptions } from "../types.js";

/** A user name and secret for one registry. Never put into a message or a log field. */
export interface Credentials {
  username: string;
  password: string;
}

/** The key Docker files Docker Hub's credentials under in `config.json`. */
const DOCKER_HUB_KEY = "https://index.docker.io/v1/";

/** Longest a credential helper may take before it is given up on. */
const HELPER_TIMEOUT_MS = 30_000;

/**
 * Finds credentials for a registry host as Docker does: flags (or their env vars) first, then
 * `config.json`'s `credHelpers[host]`, its `credsStore`, and last its `auths[host].auth`.
 */
export async function findCredentials(
  domain: string,
  options: RegistryOptions,
): Promise<Credentials | undefined> {
  if (options.username !== undefined && options.password !== undefined) {
    return { username: options.username, password: options.password };
  }
  const dir = options.dockerConfigDir ?? process.env.DOCKER_CONFIG ?? join(homedir(), ".docker");
  const config = await readDockerConfig(join(dir, "config.json"));
  if (!config) return undefined;
  const key = domain === "docker.io" ? DOCKER_HUB_KEY : domain;
  const helper = config.credHelpers?.[key] ?? config.credsStore;
  if (helper) {
    const found = await runCredentialHelper(helper, key);
    if (found) return found;
  }
  return decodeAuth(findAuthEntry(config.auths ?? {}, key)?.auth, domain);
}

interface DockerConfig {
  auths?: Record<string, { auth?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

async function readDockerConfig(path: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as DockerConfig;
  } catch (err) {
    throw new SourceError(`${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/** `auths` keys may be bare hosts or URLs (`https://host/v1/`), as old clients wrote them. */
function findAuthEntry(auths: DockerConfig["auths"] & object, key: string) {
  if (auths[key]) return auths[key];
  const host = (k: string) => k.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const wanted = host(key);
  const found = Object.keys(auths).find((k) => host(k) === wanted);
  return found === undefined ? undefined : auths[found];
}

function decodeAuth(auth: string | undefined, domain: string): Credentials | undefined {
  if (!auth) return undefined;
  const text = Buffer.from(auth, "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) throw new SourceError(`the saved login for ${domain} in config.json is malformed`);
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * Runs `docker-credential-<helper> get` with the host on stdin, as the credential helper
 * protocol (https://github.com/docker/docker-credential-helpers) asks. A helper that knows
 * nothing of the host answers with an error, which means "no credentials".
 */
export function runCredentialHelper(helper: string, key: string): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    const child = execFile(program, ["get"], { timeout: HELPER_TIMEOUT_MS }, (err, stdout) => {
      if ((err as NodeJS.ErrnoException | null)?.code === "ENOENT") {
        reject(new SourceError(`credential helper ${program} is not installed`));
      } else if (err) {
        // Its output may hold the secret, so the error says only who failed.
        resolve(undefined);
      } else {
        try {
          resolve(parseHelperAnswer(stdout, program));
        } catch (parseErr) {
          reject(parseErr);
        }
      }
    });
    child.stdin?.end(key);
  });
}

function parseHelperAnswer(stdout: string, program: string): Credentials | undefined {
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(stdout);
  } catch {
    throw new SourceError(`credential helper ${program} answered with something not JSON`);
  }
  if (typeof answer.Secret !== "string" || answer.Secret === "") return undefined;
  const username = typeof answer.Username === "string" ? answer.Username : "";
  return { username, password: answer.Secret };
}
