# shellcheck shell=bash
# Shared by scripts/run and scripts/test: find a Python, create or update .venv, install the app.
# Idempotent: a stamp records what was installed, so a second run only checks and starts.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

pick_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  for candidate in python3.12 python3.11 python3.10 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  echo "Reflect needs Python 3.10 or newer; none was found on PATH." >&2
  exit 1
}

venv_python() {
  if [ -x "$VENV/bin/python" ]; then echo "$VENV/bin/python"; else echo "$VENV/Scripts/python.exe"; fi
}

# ensure_venv EXTRAS  -- EXTRAS is "" or "test"
ensure_venv() {
  local extras="$1" py stamp want
  if ! [ -x "$(venv_python)" ] || ! "$(venv_python)" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$VENV"
    "$(pick_python)" -m venv "$VENV"
  fi
  py="$(venv_python)"
  stamp="$VENV/.reflect-install-stamp"
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)-${extras}"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && "$py" -c 'import reflect' >/dev/null 2>&1; then
    return 0
  fi
  "$py" -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  local target="$ROOT"
  [ -n "$extras" ] && target="$ROOT[$extras]"
  "$py" -m pip install --quiet --disable-pip-version-check -e "$target"
  echo "$want" >"$stamp"
}

# apt_install PKG...  -- installs missing Debian packages when we are root (CI, fresh machines).
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: missing system packages (${missing[*]}); install them for the full test suite." >&2
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

# Libraries Qt's offscreen and xcb platforms load, fonts for text, and the PDF checkers tests use.
system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0
  apt_install libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core "$@"
}

# pdf.js (Firefox's PDF engine) for the tests that fill a pack the way Firefox does. The version is
# pinned in tests/unit/js/package.json (the tests read it there too); it goes into
# .cache/pdfjs-dist-VERSION, where tests/unit/test_reply_pack_readers.py looks for it.
pdfjs_version() {
  sed -n 's/.*"pdfjs-dist": *"\([^"]*\)".*/\1/p' "$ROOT/tests/unit/js/package.json"
}

# ensure_node  -- node and npm on PATH; from Debian's packages when missing and we are root.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    command -v dpkg >/dev/null 2>&1 && apt_install nodejs npm
  fi
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1
}

# ensure_pdfjs  -- installs the pinned pdfjs-dist once (a second run only checks its version).
ensure_pdfjs() {
  local version dir package
  version="$(pdfjs_version)"
  dir="$ROOT/.cache/pdfjs-dist-$version"
  package="$dir/node_modules/pdfjs-dist"
  if [ -f "$package/legacy/build/pdf.mjs" ] &&
     grep -q "\"version\": *\"$version\"" "$package/package.json" 2>/dev/null; then
    return 0
  fi
  if ! ensure_node; then
    echo "note: Node.js and npm are missing; the pdf.js tests cannot run without them." >&2
    return 0
  fi
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --silent \
       "pdfjs-dist@$version" >/dev/null 2>&1 ||
     ! [ -f "$package/legacy/build/pdf.mjs" ]; then
    echo "note: pdfjs-dist $version could not be installed with npm (offline?); the pdf.js tests" \
         "cannot run without it." >&2
  fi
}
