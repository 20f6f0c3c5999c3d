#!/usr/bin/env bash
# `cmake --install` and the CPack .deb hold the binary, the man page made from --help, the
# docs and the CI templates, and the installed binary runs.
# Usage: packaging_test.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cmake --install "$build" --prefix "$out/usr" >/dev/null
for file in bin/privaudit share/man/man1/privaudit.1 share/doc/privaudit/README.md \
    share/doc/privaudit/rules.md share/doc/privaudit/ci-templates/github-privaudit.yml \
    share/doc/privaudit/ci-templates/pre-commit; do
    [ -e "$out/usr/$file" ] || { echo "missing after cmake --install: $file"; exit 1; }
done
"$out/usr/bin/privaudit" --version | grep -q '^privaudit '
# The man page carries every command's --help, and is valid roff.
for section in '^\.SH SCAN' '^\.SH REPORT' '^\.SH MERGE' '^\.SH LSP' '--baseline FILE'; do
    grep -q -e "$section" "$out/usr/share/man/man1/privaudit.1" || { echo "man page lacks $section"; exit 1; }
done
if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$out/usr/share/man/man1/privaudit.1"
fi

(cd "$build" && cpack -G DEB -B "$out/package" >/dev/null)
deb=$(ls "$out"/package/privaudit_*.deb)
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/privaudit ./usr/share/man/man1/privaudit.1 ./usr/share/doc/privaudit/README.md; do
    grep -q " $file\$" <<<"$contents" || { echo "$deb lacks $file"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for library in libclang-cpp19 libyaml-cpp libre2 libclang-common-19-dev; do
    grep -q "$library" <<<"$depends" || { echo "Depends lacks $library: $depends"; exit 1; }
done
echo "packaging OK: $(basename "$deb")"
