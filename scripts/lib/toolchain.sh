# Sourced by the scripts beside it: installs what the project needs when it is
# missing (and only then), and defines `wasm_cargo` for wasm32 builds.
#
# Where the Rust toolchain has no wasm32 standard library (and cannot download
# one), Debian's rustc and its standard-library sources build std for wasm32
# on the fly (`-Zbuild-std`), linked by the first rust-lld or wasm-ld found
# (see find_wasm_linker).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WASM_TARGET=wasm32-unknown-unknown
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

APT_UPDATED=
ensure_apt() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing ${missing[*]}"
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if [ -z "$APT_UPDATED" ]; then
        $sudo apt-get update -q
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
}

# Sets WASM_ENV: the environment `wasm_cargo` runs cargo with.
setup_wasm_toolchain() {
    WASM_ENV=()
    WASM_CARGO=cargo
    if [ -d "$(rustc --print sysroot)/lib/rustlib/$WASM_TARGET/lib" ]; then
        return 0
    fi
    ensure_apt rustc-web cargo-web rust-web-src
    find_wasm_linker
    WASM_CARGO=/usr/bin/cargo
    WASM_ENV=(
        RUSTC=/usr/bin/rustc
        RUSTDOC=/usr/bin/rustdoc
        RUSTC_BOOTSTRAP=1
        CARGO_UNSTABLE_BUILD_STD=std,panic_abort
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$WASM_LINKER"
        # Built from source, std can also be made smaller: its size-optimised
        # algorithms, and panics without file and line (the message stays).
        # Together 4 KiB less gzipped wasm for each build.
        CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none
    )
}

# Sets WASM_LINKER to the first linker for wasm32 found: the Rust toolchain's
# own rust-lld (under its host triple), a rust-lld or wasm-ld on PATH, the
# newest wasm-ld-N; else installs the newest lld-N package apt offers, which
# provides wasm-ld-N (and lld-N, which Debian's /usr/bin/rust-lld links to).
find_wasm_linker() {
    local host candidate package
    host=$(rustc -vV | sed -n 's/^host: //p')
    for candidate in "$(rustc --print sysroot)/lib/rustlib/$host/bin/rust-lld" \
        rust-lld wasm-ld $(compgen -c wasm-ld- | sort -Vru); do
        WASM_LINKER=$(command -v "$candidate") && return 0
    done
    package=$(apt-cache search --names-only '^lld-[0-9]+$' | cut -d' ' -f1 | sort -V | tail -n 1)
    if [ -n "$package" ]; then
        ensure_apt "$package"
        WASM_LINKER=$(command -v "wasm-ld-${package#lld-}") && return 0
    fi
    echo "No linker for $WASM_TARGET: found no rust-lld, wasm-ld or wasm-ld-N, and apt offers no lld-N package to install. Install LLVM's lld (it provides wasm-ld) and run this again." >&2
    return 1
}

# The content tools: the binary in $MONOGRAPH when set, else `cargo
# monograph`. scripts/test sets it to the binary its native tests built: the
# workspace's tests build the tools with the features they unify across it,
# so `cargo monograph` would build the same program again (a minute more).
monograph() {
    if [ -n "${MONOGRAPH:-}" ]; then
        "$MONOGRAPH" "$@"
    else
        cargo monograph "$@"
    fi
}

wasm_cargo() {
    env "${WASM_ENV[@]}" "$WASM_CARGO" "$@" --target "$WASM_TARGET"
}

# The wasm-bindgen CLI must be exactly the version in Cargo.lock.
ensure_wasm_bindgen() {
    local version
    version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' "$ROOT/Cargo.lock")
    if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $version" ]; then
        return 0
    fi
    log "Installing wasm-bindgen-cli $version (several minutes, once)"
    cargo install wasm-bindgen-cli --version "$version" --force
}

# Installs the npm packages locked in the package-lock.json of folder $1 (by
# default the repository's) when they are missing or older than the lock.
ensure_node_modules() {
    local dir=${1:-$ROOT}
    if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
        [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        log "Installing npm packages${1:+ in ${dir#"$ROOT"/}}"
        (cd "$dir" && npm ci --no-audit --no-fund)
    fi
}

ensure_chromium() {
    ensure_apt chromium chromium-driver
}

# Prints where command $1 is, or fails saying how to get it ($2).
find_command() {
    command -v "$1" || { echo "$1 not found on PATH: $2" >&2; return 1; }
}
