/**
 * An authentication challenge from a `WWW-Authenticate` header
 * (https://datatracker.ietf.org/doc/html/rfc7235#section-4.1), as registries send it:
 * `Bearer realm="https://auth/token",service="registry",scope="repository:x:pull"`.
 */
export interface Challenge {
  /** Lower-case scheme: `basic` or `bearer`. */
  scheme: string;
  params: Record<string, string>;
}

const PARAM = /\s*([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/y;

/** Parses the challenges of one header; unknown or broken parts are skipped. */
export function parseChallenges(header: string | undefined): Challenge[] {
  if (!header) return [];
  const challenges: Challenge[] = [];
  const scheme = /\s*([a-zA-Z][a-zA-Z0-9_-]*)(?=\s|$)/y;
  let at = 0;
  while (at < header.length) {
    scheme.lastIndex = at;
    const found = scheme.exec(header);
    if (!found) break;
    const challenge: Challenge = { scheme: (found[1] as string).toLowerCase(), params: {} };
    at = readParams(header, scheme.lastIndex, challenge.params);
    challenges.push(challenge);
  }
  return challenges;
}

function readParams(header: string, start: number, params: Record<string, string>): number {
  let at = start;
  for (;;) {
    PARAM.lastIndex = at;
    const match = PARAM.exec(header);
    if (!match) return at;
    const quoted = match[2]?.replace(/\\(.)/g, "$1");
    params[(match[1] as string).toLowerCase()] = quoted ?? match[3] ?? "";
    at = PARAM.lastIndex;
  }
}
