#!/usr/bin/env bash
# Installs the Debian packages the checks need, when missing: chromium (axe-core and request
# checks through Playwright), a Java runtime (the Nu HTML Checker), fonts-noto-cjk (Japanese
# glyphs in screenshots) and fonts-ipafont (TrueType Japanese for the sample bulletin PDFs).
# `system-deps.sh fonts` installs only the font the sample PDFs need (used by `make build`), and
# without root only warns: tools/sample_bulletins.py then falls back to a non-embedded CID font.
set -euo pipefail

need=()
if [ "${1:-}" = "fonts" ]; then
  [ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need+=(fonts-ipafont-gothic)
  if [ ${#need[@]} -eq 0 ]; then
    exit 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing the Japanese font for the sample bulletin PDFs: ${need[*]}" >&2
    echo "Install it with: sudo apt-get install -y ${need[*]} (the PDFs are made without an embedded font until then)" >&2
    exit 0
  fi
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  exit 0
fi
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# npm (with nodejs) installs decap-server, the CMS's local backend, from package-lock.json.
command -v npm >/dev/null 2>&1 || need+=(npm)
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
