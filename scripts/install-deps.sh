#!/usr/bin/env bash
# Installs the system packages reseau builds against, when they are missing.
# Debian/Ubuntu: apt-get (with sudo when not root). Elsewhere: names what to install.
set -euo pipefail

packages=("$@")
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
else
  echo "reseau: this is not a Debian or Ubuntu system; make sure these (or your system's" >&2
  echo "equivalents) are installed: ${packages[*]}" >&2
  exit 0
fi

[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "reseau: missing packages: ${missing[*]} (no apt-get here: install them by hand)" >&2
  exit 1
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "reseau: missing packages: ${missing[*]}; run as root or install sudo" >&2
    exit 1
  fi
fi

echo "reseau: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
