import type { Distro } from "../../types.js";
import { distroFromPurls } from "../shared/distro-from-purls.js";
import { Properties } from "../shared/properties.js";
import type { Component } from "./components.js";

/**
 * The distribution: the operating-system component Lading, syft and Trivy all write (name is
 * the os-release ID, version its VERSION_ID), or failing that the namespace and `distro`
 * qualifier of the first OS package's purl (`pkg:deb/debian/x?distro=debian-12`).
 */
export function distroOf(components: readonly Component[]): Distro | undefined {
  const os = components.find((c) => c.type === "operating-system");
  if (os) return fromComponent(os);
  return distroFromPurls(components.map((c) => (typeof c.purl === "string" ? c.purl : undefined)));
}

function fromComponent(os: Component): Distro {
  const props = new Properties(os.properties);
  const idLike =
    props.get("lading:distro:idLike")?.split(" ") ??
    Object.values(props.withPrefix("syft:distro:idLike:"));
  const fields = {
    versionId: typeof os.version === "string" ? os.version : undefined,
    versionCodename:
      props.get("lading:distro:codename") ?? props.get("syft:distro:versionCodename"),
    name: props.get("lading:distro:name"),
    prettyName: typeof os.description === "string" ? os.description : undefined,
    idLike: idLike.length > 0 ? idLike : undefined,
  };
  const defined = Object.entries(fields).filter(([, v]) => v !== undefined && v !== "");
  return { id: os.name.toLowerCase(), ...Object.fromEntries(defined) };
}
