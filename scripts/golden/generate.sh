#!/usr/bin/env bash
# Regenerates every golden fixture from PyTorch (Debian: apt-get install -y python3-torch).
# CI does not run this: the fixtures it writes are committed, and the tests read them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-/usr/bin/python3}"
"$py" -c 'import torch' 2>/dev/null || { echo "generate.sh: $py has no torch; apt-get install -y python3-torch" >&2; exit 1; }
cd "$here"
for gen in *.py; do
  [ "$gen" = common.py ] && continue
  echo "== $gen" >&2
  "$py" "$gen"
done
