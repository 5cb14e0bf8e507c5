#!/usr/bin/env bash
# How well `caucus blocs` recovers the UN regional groups from the 2024 General
# Debate statements: ARI and AMI per feature setting and clustering method (the
# features "default" with method "consensus centred d=0" is what `caucus blocs` does).
#
#   bench/blocs_eval.sh [DATA_DIR]
#
# DATA_DIR holds ungd-2024/ and un-regional-groups.csv; it defaults to $CAUCUS_DATA,
# then ../shared/data relative to the repository. Without it the script says it
# skipped and exits 0. BLOCS_EVAL_FEATURES=default and BLOCS_EVAL_METHOD=consensus
# narrow the table; BLOCS_EVAL_ALLIES=1 adds, per feature setting, the share of each
# country's top five allies in its regional group.
set -euo pipefail
source "$(dirname "$0")/blocs_data.sh"
index="$(mktemp -d /tmp/caucus-blocs-eval.XXXXXX)"
trap 'rm -rf "$index"' EXIT
rmdir "$index"
target/release/caucus --index "$index" index "$data/ungd-2024" >/dev/null
target/release/examples/blocs_eval "$index" "$data/un-regional-groups.csv" GA
