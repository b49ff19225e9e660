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
