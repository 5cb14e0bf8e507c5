# Sourced by bench/blocs_eval.sh and bench/blocs_halves.sh: finds the data folder
# (the first argument, else $CAUCUS_DATA, else ../shared/data beside the repository),
# exits 0 saying it skipped when ungd-2024/ or un-regional-groups.csv is missing, and
# builds caucus and the blocs_eval example. Sets $repo and $data; leaves the shell in
# the repository.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-${CAUCUS_DATA:-$repo/../shared/data}}"
if [ ! -d "$data/ungd-2024" ] || [ ! -f "$data/un-regional-groups.csv" ]; then
    echo "skipped: no ungd-2024/ and un-regional-groups.csv under $data"
    exit 0
fi
cd "$repo"
nice -n 5 cargo build --release --quiet --bin caucus --example blocs_eval
