#!/usr/bin/env bash
# Install Companion's desktop entry, AppStream metainfo and icons, and (given a bundle) the app itself.
#
#   packaging/linux/install.sh                  # for you only: ~/.local (no root needed)
#   packaging/linux/install.sh --bundle dist/companion
#                                               # also copy the PyInstaller folder to ~/.local/lib/companion
#                                               # and link ~/.local/bin/companion to it
#   PREFIX=/usr DESTDIR=pkgroot packaging/linux/install.sh   # for a distribution package
#
# Without --bundle the `companion` command must already be on PATH (pip install, pipx). Removing the app
# never touches the diary in ~/.local/share/Companion.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
id=cymru.companion.Companion
prefix="${PREFIX:-$HOME/.local}"
root="${DESTDIR:-}"
bundle=""
if [ "${1:-}" = "--bundle" ]; then
  bundle="${2:?--bundle needs the folder made by packaging/build.py, e.g. dist/companion}"
  [ -x "$bundle/companion" ] || { echo "no $bundle/companion: run python packaging/build.py first" >&2; exit 1; }
fi

share="$root$prefix/share"
install -Dm644 "$here/$id.desktop" "$share/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
for dir in "$here"/icons/hicolor/*/apps; do
  size="$(basename "$(dirname "$dir")")"
  for icon in "$dir"/"$id".*; do
    install -Dm644 "$icon" "$share/icons/hicolor/$size/apps/$(basename "$icon")"
  done
done

if [ -n "$bundle" ]; then
  rm -rf "$root$prefix/lib/companion"
  mkdir -p "$root$prefix/lib" "$root$prefix/bin"
  cp -a "$bundle" "$root$prefix/lib/companion"
  ln -sfn "$prefix/lib/companion/companion" "$root$prefix/bin/companion"
fi

if [ -z "$root" ]; then  # refresh the menus and icon cache now; a package manager does this itself
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$share/icons/hicolor" || true
fi
echo "installed $id under $root$prefix"
