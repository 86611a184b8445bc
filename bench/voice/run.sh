#!/usr/bin/env bash
# The reference voice benchmark against Tandem: callers on hold with music, counted by rtpsink.
#   bench/voice/run.sh hold 1650     L callers ramped at 100/s, held 45 s, media checked every second
#   bench/voice/run.sh rate 300      2-second calls at R calls/s, 6,000 of them (R × 20 s)
#   KERNEL_TIME=1 bench/voice/run.sh hold 1650   the same, the counter also timing by the kernel's clock
#   WARM_UP=0 bench/voice/run.sh hold 1650       without first warming Tandem up (below)
#   STALLS=1 bench/voice/run.sh hold 1650        beside a probe of the machine's own stalls (stallwatch.c)
# Starts its own Tandem from target/tandem.jar (build it first: mvn -DskipTests package) on an
# ephemeral embedded database, SIP on 127.0.0.1:5060, with a flow that gives the emergency notice and
# queues the caller where nobody answers. Needs sipp and gcc. Output goes to target/bench-voice/.
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=${1:-hold}
n=${2:-1650}
out=target/bench-voice/$mode-$n
rm -rf "$out"
mkdir -p "$out"
here=bench/voice
# KERNEL_TIME=1: the counter also measures each gap by the kernel's arrival times (kernel-time.patch), which
# its own wait for a CPU does not stretch: kgap40 and kmax_ms beside the reference's columns.
counter=$here/rtpsink.c
if [ -n "${KERNEL_TIME:-}" ]; then
  counter=target/bench-voice/rtpsink-kernel-time.c
  patch -s -o "$counter" "$here/rtpsink.c" "$here/kernel-time.patch"
fi
# Every tool is built before Tandem starts, so that no compiler runs beside the measured calls.
gcc -O2 -o target/bench-voice/rtpsink "$counter"
if [ -n "${STALLS:-}" ]; then
  gcc -O2 -pthread -o target/bench-voice/stallwatch $here/stallwatch.c
fi
ulimit -n 20000

data=$(mktemp -d)
admin=bench-admin-secret
# The script calls the API as the administrator with HTTP Basic alone, so it must not need an authenticator.
export TANDEM_DATA_DIR=$data TANDEM_ADMIN_PASSWORD=$admin TANDEM_PORT=${TANDEM_PORT:-18080} TANDEM_REQUIRE_ADMIN_TOTP=false
# Tandem's own JVM options (bin/jvm-options) on a fixed 1 GB heap, unless TANDEM_JAVA_OPTS says otherwise.
source bin/jvm-options
java ${TANDEM_JAVA_OPTS:--Xms1g -Xmx1g ${jvm[*]}} -Xlog:gc,safepoint:file="$out/gc.log":uptime,time -jar target/tandem.jar --tandem.voice.bind-address=127.0.0.1 --tandem.voice.sip-port=5060 \
  --tandem.voice.trunks[0].name=bench --tandem.voice.trunks[0].addresses[0]=127.0.0.1 \
  --tandem.db.ephemeral=true --tandem.ivr.recordings-dir="$data/recordings" --logging.level.root=warn \
  > "$out/tandem.log" 2>&1 &
tandem=$!
trap 'kill $tandem 2>/dev/null; wait $tandem 2>/dev/null; rm -rf "$data"' EXIT
api=http://127.0.0.1:$TANDEM_PORT/api
for _ in $(seq 120); do curl -sf -u admin:$admin "$api/queues" >/dev/null && break; sleep 1; done

curl -sf -u admin:$admin -X PUT -H 'Content-Type: application/json' "$api/queues/bench" \
  -d '{"offerTimeoutSeconds": 20, "steps": [{"name": "Front desk", "target": "FRONT_DESK"}]}' >/dev/null
curl -sf -u admin:$admin -X PUT -H 'Content-Type: application/yaml' "$api/ivr/flows/bench" --data-binary @- >/dev/null <<'FLOW'
start: emergency
nodes:
  emergency: { type: emergency, next: queue }
  queue: { type: enqueue, queue: bench, hold: { music: default } }
FLOW
curl -sf -u admin:$admin -X POST -H 'Content-Type: application/json' "$api/ivr/flows/bench/versions/1/activate" \
  -d '{"number": "+15035550100"}' >/dev/null

# The reference caller (hold_pcmu.xml) dialling the bench's number from 127.0.0.1:5070; "$@" says how many,
# how fast, how long and where their audio goes. Run in the output folder, where sipp writes its files.
callers() {
  (cd "$out" && sipp 127.0.0.1:5060 -sf "../../../$here/hold_pcmu.xml" -s +15035550100 -i 127.0.0.1 -p 5070 "$@") || true
}
# The measured callers, with sipp's statistics and INVITE->200 times kept in the output folder.
measured() {
  callers "$@" -nostdin -trace_stat -fd 1 -trace_rtt -rtt_freq 1 -trace_err > "$out/sipp.txt" 2>&1
}

# A server that has been taking calls, not one whose first calls run in the interpreter while they are
# compiled: 300 callers first go the whole way (the notice, the queue, hanging up there), their audio sent
# to a port nobody counts.
if [ "${WARM_UP:-1}" != 0 ]; then
  callers -set sinkport 45001 -r 100 -l 300 -m 300 -d 28000 -nostdin > "$out/warm-up.txt" 2>&1
  awk -F'|' '/Successful call/ {ok = $3 + 0} /Failed call/ {failed = $3 + 0}
    END {print "warm-up: " ok " calls, " failed " failed"}' "$out/warm-up.txt"
  sleep 2
fi
cpu() { awk '{print $14 + $15}' "/proc/$tandem/stat"; }
if [ "$mode" = hold ]; then
  ramp=$(( (n + 99) / 100 ))
  # When the counter started (epoch ms), to line its seconds up with gc.log's pauses.
  date +%s%3N > "$out/sink.start"
  seconds=$((ramp + 50))
  target/bench-voice/rtpsink 45000 $seconds > "$out/sink.txt" &
  sink=$!
  # STALLS=1: a real-time thread on each CPU notes every wake-up that came 5 ms or more late, which only the
  # machine can cause (a virtual machine's host, a kernel path that does not yield), whatever runs on it.
  if [ -n "${STALLS:-}" ]; then
    target/bench-voice/stallwatch $seconds 5 > "$out/stalls.txt" 2>&1 &
  fi
  (sleep $((ramp + 10)); c0=$(cpu); sleep 30; c1=$(cpu); echo "cpu_percent_steady=$(( (c1 - c0) * 100 / 30 / $(getconf CLK_TCK) ))" > "$out/cpu.txt") &
  measured -set sinkport 45000 -r 100 -l "$n" -m "$n" -d 45000
  wait $sink || true
else
  total=$(( n * 20 ))
  target/bench-voice/rtpsink 45000 40 > "$out/sink.txt" &
  sink=$!
  measured -set sinkport 45000 -r "$n" -m "$total" -d 2000
  kill $sink 2>/dev/null || true
fi
echo "== $mode $n"
grep -E "Successful call|Failed call" "$out/sipp.txt" | tail -2
tail -1 "$out/sink.txt"
cat "$out/cpu.txt" 2>/dev/null || true
# The machine's stalls of 10 ms or more, and how many late seconds had one in them or just before.
if [ -f "$out/stalls.txt" ]; then
  awk -v start="$(cat "$out/sink.start")" '
    FNR == 1 { file++ }
    file == 1 && $1 ~ /^[0-9]+$/ && $3 >= 10 { n++; at[n] = $1; if ($3 > longest) longest = $3 }
    file == 1 && $1 == "stallwatch:" { print; refused = 1 }
    file == 2 && /^t=/ && $4 != "gap40=0" {
      late++; split($1, t, "="); from = start + (t[2] - 1) * 1000 - 60
      for (i = 1; i <= n; i++) if (at[i] >= from && at[i] < from + 1060) { stalled++; break }
    }
    END { if (!refused) printf "machine_stalls_10ms=%d longest_ms=%.1f late_seconds=%d at_a_stall=%d\n", n, longest, late, stalled }
  ' "$out/stalls.txt" "$out/sink.txt"
fi
# INVITE -> 200 response times, p95 over every call (ms).
cat "$out"/*_rtt.csv 2>/dev/null | awk -F';' 'NR > 1 && $3 ~ /^[0-9.]+$/ {print $3}' | sort -n \
  | awk '{a[NR] = $1} END {if (NR) printf "invite_to_200_p95_ms=%s (n=%d)\n", a[int(NR * 0.95)], NR}'
