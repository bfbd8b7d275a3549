#!/usr/bin/env bash
# Benchmark: alias suggestions (`litcoder suggest`) over a 100,000-paper corpus.
#
# The corpus repeats real SER abstracts (../shared/reference/ser-abstracts-sample.jsonl
# when present, else the bundled corpus/ser-sample.jsonl) under fresh ids, so the text has
# the density of dataset names and motivation cues that real abstracts have.
# Usage: scripts/bench-suggest.sh [PAPERS]   (default 100000). Prints wall time and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
papers="${1:-100000}"
source_file=../shared/reference/ser-abstracts-sample.jsonl
[ -f "$source_file" ] || source_file=corpus/ser-sample.jsonl
[ -f "$source_file" ] || { echo "no abstracts to repeat: neither ../shared/reference/ser-abstracts-sample.jsonl nor corpus/ser-sample.jsonl" >&2; exit 1; }

swift build -c release --product litcoder >/dev/null
bin="$(swift build -c release --show-bin-path)/litcoder"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/codings"
cp codebooks/ser-survey.yaml "$dir/ser.yaml"
printf 'name: bench\ncodebook: ser.yaml\ncorpus: papers.jsonl\n' > "$dir/litcoder.yaml"
# Line i of the corpus is source line (i mod n) with "-COPY" appended to its id.
awk -v papers="$papers" '
    NF { lines[n++] = $0 }
    END {
        for (i = 0; i < papers; i++) {
            line = lines[i % n]
            sub(/^\{"id": "[^"]*/, "&-" int(i / n), line)
            print line
        }
    }' "$source_file" > "$dir/papers.jsonl"
echo "corpus: $(wc -l < "$dir/papers.jsonl") papers, $(du -h "$dir/papers.jsonl" | cut -f1), from $source_file"

run() {
    /usr/bin/time -f "%e s wall, %U s user + %S s system CPU, %M KB peak" "$@" 2>&1 >/dev/null | tail -n 1
}
echo "validate (load codebook and corpus):  $(run "$bin" validate --project "$dir")"
echo "suggest --format json:                $(run "$bin" suggest --format json --project "$dir")"
echo "machine: $(nproc) cores"
