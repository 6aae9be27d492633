#!/bin/bash
# Installs every Debian 12 package the project needs (build, LibreOffice, tests). Run as root.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
PACKAGES=(
  cmake make g++ zip
  libreoffice-calc libreoffice-dev libreoffice-dev-common libreoffice-l10n-fr python3-uno
  nlohmann-json3-dev libboost-dev libboost-program-options-dev libgtest-dev libicu-dev
  poppler-utils fonts-dejavu-core fonts-liberation2
  xvfb x11-apps imagemagick xdotool
  clang libclang-rt-14-dev llvm
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
