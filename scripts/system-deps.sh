#!/usr/bin/env bash
# Installs the Debian packages the checks need, when missing: chromium (axe-core and request
# checks through Playwright), a Java runtime (the Nu HTML Checker), fonts-noto-cjk (Japanese
# glyphs in screenshots) and fonts-ipafont (TrueType Japanese for the sample bulletin PDFs).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
[ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need+=(fonts-ipafont-gothic)
[ -f /usr/share/fonts/opentype/ipafont-mincho/ipam.ttf ] || need+=(fonts-ipafont-mincho)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
