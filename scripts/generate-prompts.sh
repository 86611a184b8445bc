#!/usr/bin/env bash
# Generates the default IVR prompts from their texts: one WAV per line of
# src/main/resources/ivr/prompts/<language>.properties, as 8 kHz mono 16-bit PCM,
# the format the voice module plays without converting.
# Needs espeak-ng and sox (Debian: apt-get install -y espeak-ng sox).
set -euo pipefail

cd "$(dirname "$0")/.."
prompts=src/main/resources/ivr/prompts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

voice_for() {
  case "$1" in
    en) echo en-us ;;
    es) echo es ;;
    *) echo "no espeak-ng voice chosen for language $1" >&2; exit 1 ;;
  esac
}

for texts in "$prompts"/*.properties; do
  language=$(basename "$texts" .properties)
  voice=$(voice_for "$language")
  mkdir -p "$prompts/$language"
  rm -f "$prompts/$language"/*.wav
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    id=${line%%=*}
    text=${line#*=}
    espeak-ng -v "$voice" -s 150 -w "$work/raw.wav" "$text"
    # Headroom before resampling avoids clipping; no dither keeps the output reproducible.
    sox -D "$work/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$prompts/$language/$id.wav" gain -3 rate
  done < "$texts"
  echo "$language: $(ls "$prompts/$language" | wc -l) prompts"
done
