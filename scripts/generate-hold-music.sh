#!/usr/bin/env bash
# Generates the default hold music: a calm 32-second loop of plucked chords (C, Am, F, G, twice),
# synthesised rather than recorded so that it carries no licence, as 8 kHz mono 16-bit PCM.
# Needs sox (Debian: apt-get install -y sox).
set -euo pipefail

cd "$(dirname "$0")/.."
music=src/main/resources/ivr/music
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$music"

# Three plucked notes, each starting a little after the one below it, fading out before the next chord.
chord() {
  sox -r 48000 -c 3 -n -r 8000 -c 1 -b 16 "$work/$1.wav" synth 4 pluck "$2" pluck "$3" pluck "$4" \
    delay 0 0.35 0.7 remix 1-3 fade q 0.05 4 0.3 gain -n -10
}
chord c C4 E4 G4
chord am A3 C4 E4
chord f F3 A3 C4
chord g G3 B3 D4
sox -D "$work"/{c,am,f,g}.wav "$work"/{c,am,f,g}.wav -r 8000 -c 1 -b 16 -e signed-integer "$music/default.wav" reverb 40
echo "$music/default.wav: $(soxi -D "$music/default.wav") s"
