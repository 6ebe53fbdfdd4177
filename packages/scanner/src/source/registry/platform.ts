/** Node's `process.arch` names as OCI platforms name them (GOARCH). */
const ARCHITECTURES: Record<string, string> = {
  x64: "amd64",
  arm64: "arm64",
  arm: "arm",
  ia32: "386",
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loong64",
};

/** The platform Docker would pull for on this host: `linux/amd64`, `linux/arm64`. */
export function hostPlatform(arch: string = process.arch): string {
  return `linux/${ARCHITECTURES[arch] ?? arch}`;
}
