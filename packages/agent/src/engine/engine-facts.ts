import { hostname } from "node:os";
import { type EngineEndpoint, engineJson } from "./endpoint.js";

/** What the agent reports about the machine and its engine. */
export interface HostFacts {
  hostname: string;
  os: string;
  kernel: string;
  arch: string;
  engine: string;
  engineVersion: string;
  apiVersion: string;
}

interface ApiVersion {
  Version?: string;
  ApiVersion?: string;
  Arch?: string;
  KernelVersion?: string;
  Components?: { Name?: string; Version?: string }[];
}

interface ApiInfo {
  Name?: string;
  OperatingSystem?: string;
  KernelVersion?: string;
  host?: {
    hostname?: string;
    kernel?: string;
    distribution?: { distribution?: string; version?: string };
  };
}

/**
 * Facts about the host as the engine sees it: the engine runs on the host, while the agent may
 * run in a container whose own OS says nothing about the machine.
 */
export async function readHostFacts(endpoint: EngineEndpoint): Promise<HostFacts> {
  const version = await engineJson<ApiVersion>(endpoint, "/version");
  const info = await engineJson<ApiInfo>(endpoint, "/info");
  const engine = version.Components?.[0];
  return {
    hostname: info.Name ?? info.host?.hostname ?? hostname(),
    os: info.OperatingSystem ?? describeDistribution(info) ?? "unknown",
    kernel: info.KernelVersion ?? version.KernelVersion ?? info.host?.kernel ?? "unknown",
    arch: version.Arch ?? process.arch,
    engine: engine?.Name ?? "Docker Engine",
    engineVersion: engine?.Version ?? version.Version ?? "unknown",
    apiVersion: version.ApiVersion ?? "unknown",
  };
}

function describeDistribution(info: ApiInfo): string | undefined {
  const d = info.host?.distribution;
  return d?.distribution ? [d.distribution, d.version].filter(Boolean).join(" ") : undefined;
}
