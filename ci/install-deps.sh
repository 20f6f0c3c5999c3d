#!/usr/bin/env bash
# Installs the Debian 12 packages privaudit needs to build and test; does nothing when all are present.
set -euo pipefail

packages=(
    cmake make g++ ccache pkg-config
    llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19
    libclang-rt-19-dev
    libyaml-cpp-dev nlohmann-json3-dev libre2-dev libgtest-dev zlib1g-dev
    libcpp-httplib-dev libssl-dev
    clang-format-19
    python3
    chromium git dpkg-dev openssl
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ci/install-deps.sh: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "ci/install-deps.sh: need root to install packages (run: sudo $0)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
