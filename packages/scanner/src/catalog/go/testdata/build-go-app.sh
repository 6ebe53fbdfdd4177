#!/usr/bin/env bash
# Builds go-app/ into a stripped executable with real module build info, offline: the one
# dependency (github.com/google/uuid v1.3.0) is vendored from Debian's golang-github-google-uuid-dev
# package, and GOPROXY=off with -mod=vendor keeps the build from reaching any network.
# Usage: [GOOS=.. GOARCH=..] build-go-app.sh OUTPUT (default linux/amd64). Needs the Debian packages golang-go and golang-github-google-uuid-dev.
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$0")" && pwd)"
uuid_src=/usr/share/gocode/src/github.com/google/uuid
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/go-app/go.mod" "$here/go-app/main.go" "$work/"
mkdir -p "$work/vendor/github.com/google/uuid"
find "$uuid_src" -maxdepth 1 -name '*.go' ! -name '*_test.go' -exec cp {} "$work/vendor/github.com/google/uuid/" \;
printf '# github.com/google/uuid v1.3.0\n## explicit\ngithub.com/google/uuid\n' > "$work/vendor/modules.txt"
cd "$work"
GOOS="${GOOS:-linux}" GOARCH="${GOARCH:-amd64}" GOPROXY=off GOFLAGS=-mod=vendor GOCACHE="${GO_FIXTURE_CACHE:-$work/cache}" GOPATH="$work/gopath" CGO_ENABLED=0 \
  go build -trimpath -ldflags='-s -w' -o "$out" .
