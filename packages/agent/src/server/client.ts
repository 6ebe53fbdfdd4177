/** The agent's one client of the Lading server's API. */
import { ServerRefusedError, ServerUnavailableError } from "../errors.js";

/** What the server answered a snapshot upload with. */
export interface UploadAnswer {
  id: string;
  projectId: string;
  componentCount: number;
}

/** A heartbeat as the server's `POST /api/agents/heartbeat` takes it. */
export interface HeartbeatRequest {
  host: string;
  facts: Record<string, string>;
  intervalSeconds: number;
  containers: { path: string; labels: Record<string, string> }[];
}

/** The server's answer: project paths it wants scanned again. */
export interface HeartbeatAnswer {
  agentId: string;
  hostProjectId: string;
  rescan: string[];
}

/**
 * Uploads an SBOM (CycloneDX or SPDX JSON text) as a new snapshot of `project`, created when
 * the token may create projects. Throws {@link ServerUnavailableError} when a retry may
 * succeed (no answer, 5xx, 408, 429) and {@link ServerRefusedError} when it will not.
 */
export async function uploadSnapshot(
  serverUrl: string,
  token: string,
  project: string,
  sbomJson: string,
  kind: "container" | "application" | "host" = "container",
): Promise<UploadAnswer> {
  const query = new URLSearchParams({ project, kind });
  return (await send(serverUrl, token, `/api/snapshots?${query}`, sbomJson)) as UploadAnswer;
}

/** Sends a heartbeat; the answer lists the rescans the server asks for. */
export async function sendHeartbeat(
  serverUrl: string,
  token: string,
  beat: HeartbeatRequest,
): Promise<HeartbeatAnswer> {
  return (await send(
    serverUrl,
    token,
    "/api/agents/heartbeat",
    JSON.stringify(beat),
  )) as HeartbeatAnswer;
}

async function send(
  serverUrl: string,
  token: string,
  path: string,
  body: string,
): Promise<unknown> {
  const url = new URL(path, serverUrl.endsWith("/") ? serverUrl : `${serverUrl}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(120_000),
    });
  } catch (cause) {
    throw new ServerUnavailableError(`server ${url.origin} does not answer: ${describe(cause)}`, {
      cause,
    });
  }
  const text = await response.text();
  if (response.ok) return JSON.parse(text);
  const message = `server ${url.origin} answered ${response.status} to ${url.pathname}: ${errorMessage(text)}`;
  if (isTemporary(response.status)) throw new ServerUnavailableError(message);
  throw new ServerRefusedError(response.status, message);
}

const isTemporary = (status: number) => status >= 500 || status === 408 || status === 429;

function errorMessage(text: string): string {
  try {
    return JSON.parse(text).error?.message ?? text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
