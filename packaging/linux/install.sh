#!/bin/sh
# Install the one-folder build for the current user (no root): the program, a menu entry, the
# icon and the two file types. Run from the repository root after packaging/build.py:
#
#     sh packaging/linux/install.sh [DIST_FOLDER]        # default: dist/dxdesk
#
# Installing again replaces the program; the records (~/.local/share/dxdesk/profile) are never
# touched. To remove: sh packaging/linux/install.sh --uninstall (the records stay).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${DXDESK_PREFIX:-$HOME/.local/opt/dxdesk}
bindir=$HOME/.local/bin

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$prefix"
    rm -f "$bindir/dxdesk" "$bindir/dxdesk-gui" "$data/applications/dxdesk.desktop" \
        "$data/mime/packages/dxdesk-mime.xml" "$data/icons/hicolor/scalable/apps/dxdesk.svg"
    for size in 16 24 32 48 64 128 256 512; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/dxdesk.png"
    done
    refresh
    echo "dxdesk removed; the records in $data/dxdesk were kept."
    exit 0
fi

dist=${1:-$root/dist/dxdesk}
[ -x "$dist/dxdesk-gui" ] || { echo "no build in $dist: run packaging/build.py first" >&2; exit 1; }
icons=$root/build/packaging/icons

rm -rf "$prefix.new"
mkdir -p "$(dirname "$prefix")"
cp -a "$dist" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"

mkdir -p "$bindir" "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
ln -sf "$prefix/dxdesk" "$bindir/dxdesk"
ln -sf "$prefix/dxdesk-gui" "$bindir/dxdesk-gui"
sed "s|@BINDIR@|$prefix|g" "$here/dxdesk.desktop" >"$data/applications/dxdesk.desktop"
cp "$here/dxdesk-mime.xml" "$data/mime/packages/dxdesk-mime.xml"
cp "$root/src/dxdesk/resources/icons/dxdesk.svg" "$data/icons/hicolor/scalable/apps/dxdesk.svg"
for size in 16 24 32 48 64 128 256 512; do
    if [ -f "$icons/dxdesk-$size.png" ]; then
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$icons/dxdesk-$size.png" "$data/icons/hicolor/${size}x${size}/apps/dxdesk.png"
    fi
done
refresh
echo "dxdesk installed in $prefix (menu entry, icon, .dxb and .dxenrol types)."
