#!/usr/bin/env bash
# Benchmarks/corpus.sh N DIR [SEED]: writes a content folder of N generated plans shaped like the seeds
# (see corpus.py). The same N and SEED always give the same files.
set -euo pipefail
exec python3 "$(dirname "$0")/corpus.py" "$@"
