# shellcheck shell=sh
# Find a JDK 25 or newer for Larch, then export JAVA_HOME and put $JAVA_HOME/bin first on PATH.
#
# Source it (do not run it):   . scripts/find-jdk.sh
#
# Looks, in this order, at:
#   1. $JAVA_HOME, if it is a JDK 25+;
#   2. the `java` on PATH, if it belongs to a JDK 25+;
#   3. the newest JDK 25+ under $LARCH_JVM_DIR (default /usr/lib/jvm).
# A "JDK" is a directory with bin/java and bin/javac; its version comes from its `release` file
# (JAVA_VERSION=...) or, failing that, from `java -XshowSettings:properties -version`.
# If there is none, it prints what it found and how to fix it to stderr, and exits with status 1
# (in an interactive shell it returns 1 instead, so your terminal stays open).
#
# Knobs: LARCH_JVM_DIR (where to look for installed JDKs), LARCH_MIN_JAVA (default 25).
# POSIX sh; used by ./larch, ./run-tests and .ci/run (bash).

# Prints the full version (e.g. 25.0.3) of the JDK at $1; fails if $1 is not a JDK.
larch_jdk_version() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    _larch_v=
    if [ -r "$1/release" ]; then
        _larch_v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' "$1/release" | head -n 1)
    fi
    if [ -z "$_larch_v" ]; then
        _larch_v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^[[:space:]]*java\.version = //p' | head -n 1)
    fi
    [ -n "$_larch_v" ] || return 1
    case $_larch_v in
        1.*) _larch_v=$(printf '%s\n' "${_larch_v#1.}" | tr '_' '.') ;;   # 1.8.0_392 -> 8.0.392
    esac
    printf '%s\n' "$_larch_v"
}

# Prints the feature (major) number of a version string: 25.0.3 -> 25, 26-ea -> 26.
larch_java_major() {
    _larch_m=${1%%[!0-9]*}
    printf '%s\n' "${_larch_m:-0}"
}

# True if version $1 is newer than version $2 (numeric, field by field).
larch_version_newer() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        na = split(a, x, /[^0-9]+/); nb = split(b, y, /[^0-9]+/); n = na > nb ? na : nb
        for (i = 1; i <= n; i++) { if (x[i] + 0 > y[i] + 0) exit 0; if (x[i] + 0 < y[i] + 0) exit 1 }
        exit 1 }'
}

# The java.home of the `java` command $1 (follows /usr/bin/java -> alternatives -> the real JDK).
larch_java_home_of() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^[[:space:]]*java\.home = //p' | head -n 1
}

larch_find_jdk() {
    _larch_min=${LARCH_MIN_JAVA:-25}
    _larch_dir=${LARCH_JVM_DIR:-/usr/lib/jvm}
    _larch_seen=
    _larch_found=

    # 1. JAVA_HOME
    if [ -n "${JAVA_HOME:-}" ]; then
        if _larch_ver=$(larch_jdk_version "$JAVA_HOME"); then
            if [ "$(larch_java_major "$_larch_ver")" -ge "$_larch_min" ]; then
                _larch_found=$JAVA_HOME
            else
                _larch_seen="$_larch_seen
  JAVA_HOME=$JAVA_HOME: JDK $_larch_ver (too old)"
            fi
        else
            _larch_seen="$_larch_seen
  JAVA_HOME=$JAVA_HOME: not a JDK (needs bin/java and bin/javac)"
        fi
    fi

    # 2. java on PATH
    if [ -z "$_larch_found" ] && _larch_java=$(command -v java 2>/dev/null) && [ -n "$_larch_java" ]; then
        _larch_home=$(larch_java_home_of "$_larch_java")
        if _larch_ver=$(larch_jdk_version "$_larch_home"); then
            if [ "$(larch_java_major "$_larch_ver")" -ge "$_larch_min" ]; then
                _larch_found=$_larch_home
            else
                _larch_seen="$_larch_seen
  java on PATH ($_larch_java -> $_larch_home): JDK $_larch_ver (too old)"
            fi
        else
            _larch_seen="$_larch_seen
  java on PATH ($_larch_java -> ${_larch_home:-?}): not a JDK, or its version could not be read"
        fi
    fi

    # 3. the newest JDK under $LARCH_JVM_DIR
    if [ -z "$_larch_found" ]; then
        _larch_best_ver=
        for _larch_cand in "$_larch_dir"/*; do
            [ -d "$_larch_cand" ] || continue
            _larch_ver=$(larch_jdk_version "$_larch_cand") || continue
            if [ "$(larch_java_major "$_larch_ver")" -ge "$_larch_min" ]; then
                if [ -z "$_larch_best_ver" ] || larch_version_newer "$_larch_ver" "$_larch_best_ver"; then
                    _larch_found=$_larch_cand
                    _larch_best_ver=$_larch_ver
                fi
            else
                _larch_seen="$_larch_seen
  $_larch_cand: JDK $_larch_ver (too old)"
            fi
        done
        if [ -n "$_larch_found" ] && [ -n "${JAVA_HOME:-}" ]; then
            echo "larch: JAVA_HOME=$JAVA_HOME is not a JDK $_larch_min+; using $_larch_found" >&2
        fi
    fi

    if [ -z "$_larch_found" ]; then
        {
            echo "Larch needs JDK $_larch_min or newer, and none was found."
            echo "Looked at JAVA_HOME, the java on PATH and $_larch_dir/*:${_larch_seen:-
  (nothing)}"
            echo "Install e.g. Temurin $_larch_min (https://adoptium.net/installation/linux/; on Debian/Ubuntu,"
            echo "after adding the Adoptium apt repository: apt-get install temurin-$_larch_min-jdk),"
            echo "then set JAVA_HOME to it (or put its bin/ first on PATH, or install it under $_larch_dir)."
        } >&2
        unset _larch_min _larch_dir _larch_seen _larch_found _larch_ver _larch_java _larch_home \
              _larch_cand _larch_best_ver _larch_v _larch_m
        return 1
    fi

    # normalise away a trailing slash
    JAVA_HOME=${_larch_found%/}
    case $PATH in
        "$JAVA_HOME/bin:"*) ;;                      # already first (sourced twice)
        *) PATH="$JAVA_HOME/bin:$PATH" ;;
    esac
    export JAVA_HOME PATH
    unset _larch_min _larch_dir _larch_seen _larch_found _larch_ver _larch_java _larch_home \
          _larch_cand _larch_best_ver _larch_v _larch_m
    return 0
}

if ! larch_find_jdk; then
    case $- in
        *i*) return 1 ;;
        *) exit 1 ;;
    esac
fi
