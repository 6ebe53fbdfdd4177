/**
 * The Lading server: stores snapshots of hosts and containers, matches them against advisories,
 * and serves the API the web UI, agents and CI jobs use.
 */
export { defaultConfig, type ServerConfig } from "./config.js";
export { type DemoCounts, type DemoSummary, loadDemo, waitForDemo } from "./demo/load-demo.js";
export { DemoError } from "./demo/manifest.js";
export { signBody } from "./model/notify.js";
export type { MatchedVulnerability, Matcher, SbomReader } from "./sbom/types.js";
export { type RunningServer, type ServerParts, startServer } from "./server.js";
