#!/usr/bin/env bash
# Build the one-folder bundle of Fishbowl Desktop on Linux, then smoke-test it. Exits non-zero on any failure.
#
#   packaging/build_linux.sh                 fresh venv in build/packaging-venv, bundle in dist/fishbowl-desktop
#   PYTHON=python3.12 packaging/build_linux.sh
#   FISHBOWL_REUSE_VENV=1 packaging/build_linux.sh    keep the venv of the previous run (faster while iterating)
#   FISHBOWL_SMOKE_ONLY=1 packaging/build_linux.sh    only smoke-test the bundle already in dist/
#
# PyInstaller goes into the throwaway venv only; it is not a dependency of the project.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/packaging-venv"
WORK="$ROOT/build/pyinstaller"
DIST="$ROOT/dist"
BUNDLE="$DIST/fishbowl-desktop"
APP="$BUNDLE/fishbowl-desktop"
PYINSTALLER_SPEC="pyinstaller"  # its version and its hooks' come from packaging/build-constraints.txt

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

started=$(date +%s)

if [[ "${FISHBOWL_SMOKE_ONLY:-0}" != 1 ]]; then
    step "Python: $("$PYTHON" --version 2>&1)"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || fail "Fishbowl Desktop needs Python 3.11 or newer"
    # PyInstaller bundles libpython; statically linked interpreters (manylinux's /opt/python ones) have none
    "$PYTHON" -c 'import sys, sysconfig; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))' \
        || fail "$PYTHON has no shared libpython, which PyInstaller needs: use a distribution's Python (e.g. dnf install python3.11)"

    if [[ "${FISHBOWL_REUSE_VENV:-0}" == 1 && -x "$VENV/bin/pyinstaller" ]]; then
        step "Reusing the build venv $VENV"
    else
        step "Fresh build venv in $VENV"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    step "Installing the project (not editable) and $PYINSTALLER_SPEC"
    "$VENV/bin/python" -m pip install --quiet -c "$ROOT/constraints.txt" -c "$ROOT/packaging/build-constraints.txt" \
        "$ROOT" "$PYINSTALLER_SPEC"
    "$VENV/bin/python" -m pip list 2>/dev/null | grep -i -E '^(pyside6|shiboken6|pyinstaller|reportlab|uharfbuzz|platformdirs)[-_ ]' || true

    step "PyInstaller: one-folder bundle"
    rm -rf "$BUNDLE" "$WORK"
    build_started=$(date +%s)
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$WORK" packaging/fishbowl-desktop.spec
    build_seconds=$(( $(date +%s) - build_started ))

    step "Menu entry, AppStream metainfo and icons under $BUNDLE/share"
    "$VENV/bin/python" packaging/fishbowl_bundle.py install-share "$BUNDLE"
fi

[[ -x "$APP" ]] || fail "no executable at $APP"

step "Bundle contents (fonts, licence, icons, translations, no unused Qt modules)"
# the build venv has the project installed: the licence check reads the shipped distributions' metadata there
CHECK_PYTHON="$PYTHON"
[[ -x "$VENV/bin/python" ]] && CHECK_PYTHON="$VENV/bin/python"
"$CHECK_PYTHON" packaging/fishbowl_bundle.py check "$BUNDLE" || fail "the bundle is incomplete or carries unused Qt modules"

SMOKE="$(mktemp -d "${TMPDIR:-/tmp}/fishbowl-smoke.XXXXXX")"
gui_pid=""
xvfb_pid=""
cleanup() {
    local pid
    for pid in $gui_pid $xvfb_pid; do kill -KILL "$pid" 2>/dev/null || true; done
    rm -rf "$SMOKE"
}
trap cleanup EXIT
export FISHBOWL_DESKTOP_HOME="$SMOKE/home"   # never touch the builder's own sessions
mkdir -p "$FISHBOWL_DESKTOP_HOME"

# The headless commands must work without any display at all.
headless() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$APP" "$@"; }

step "Smoke: --version"
version_out="$(headless --version)" || fail "--version exited non-zero"
expected="fishbowl-desktop $("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import fishbowl_bundle as b; print(b.app_version())')"
echo "$version_out"
[[ "$version_out" == "$expected" ]] || fail "--version said '$version_out', expected '$expected'"

step "Smoke: write-demo, check"
headless write-demo "$SMOKE/sample.json" || fail "write-demo exited non-zero"
headless check "$SMOKE/sample.json" || fail "check exited non-zero on the sample"
printf '{"format": "not a session"' > "$SMOKE/broken.json"
if headless check "$SMOKE/broken.json" 2> "$SMOKE/broken.err"; then fail "check accepted a broken file"; fi
grep -q Traceback "$SMOKE/broken.err" && fail "check printed a traceback for a broken file"
echo "broken file refused: $(cat "$SMOKE/broken.err")"

step "Smoke: export-pdf of the sample (the bundled fonts)"
for kind in handout attendees report; do
    headless export-pdf "$SMOKE/sample.json" --kind "$kind" -o "$SMOKE/$kind.pdf" || fail "export-pdf --kind $kind"
    [[ "$(head -c 5 "$SMOKE/$kind.pdf")" == "%PDF-" ]] || fail "$kind.pdf is not a PDF"
    grep -a -q "DejaVuSans" "$SMOKE/$kind.pdf" || fail "$kind.pdf does not embed the bundled DejaVu font"
done

# console_run NAME HOME ACTION [VAR=value...]: start the console with --demo, check it is alive for 5 s and has
# saved the sample, run ACTION (a function, or : for nothing) while it runs, send SIGTERM, and check it closes
# within 10 s with exit 0, marks the exit as clean and leaves no process of the bundle behind.
console_run() {
    local name=$1 home=$2 action=$3; shift 3
    local log="$SMOKE/$name.log" rc=0
    mkdir -p "$home"
    env "$@" FISHBOWL_DESKTOP_HOME="$home" "$APP" --demo > "$log" 2>&1 &
    gui_pid=$!
    for _ in 1 2 3 4 5; do
        sleep 1
        kill -0 "$gui_pid" 2>/dev/null || { cat "$log" >&2; wait "$gui_pid" || true; fail "$name: the console exited within 5 s"; }
    done
    # saved within 30 s: on a busy build machine the first start takes longer than the 5 s above
    for _ in $(seq 1 30); do
        find "$home" -name '*.fishbowl.json' | grep -q . && break
        kill -0 "$gui_pid" 2>/dev/null || break
        sleep 1
    done
    find "$home" -name '*.fishbowl.json' | grep -q . || { cat "$log" >&2; find "$home" >&2; fail "$name: the sample session was not saved"; }
    "$action" "$name" "$log"
    kill -TERM "$gui_pid"
    for _ in $(seq 1 50); do kill -0 "$gui_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$gui_pid" 2>/dev/null && fail "$name: the console was still running 10 s after SIGTERM"
    wait "$gui_pid" || rc=$?
    gui_pid=""
    [[ "$rc" == 0 ]] || { cat "$log" >&2; fail "$name: the console exited with status $rc after SIGTERM"; }
    ! compgen -G "$home/running*.json" >/dev/null || fail "$name: the exit was not marked clean (running-PID.json left behind)"
    if grep -E -q "Traceback|Fatal Python error|Could not (load|find) the Qt platform plugin" "$log"; then
        cat "$log" >&2
        fail "$name: the console reported an error"
    fi
    for _ in $(seq 1 10); do pgrep -f "$APP" > /dev/null || break; sleep 0.5; done  # the resource tracker reads EOF
    pgrep -f "$APP" > /dev/null && { ps -ef | grep "[f]ishbowl-desktop" >&2; fail "$name: a process of the bundle outlived the console by 5 s (the PDF worker?)"; }
    echo "$name: ran for 5 s with the sample saved, SIGTERM closed it with exit 0"
}

# export_handout_by_keys NAME LOG: the running console (on $PDF_DISPLAY, with HOME=$PDF_USER) exports the handout
# the way a moderator does: Ctrl+P, the first entry, Enter in the file dialog, which offers
# Documents/<event> - <document>.pdf. The PDF is laid out by the PDF worker, a second process of the frozen
# bundle (multiprocessing's spawn, freeze_support).
export_handout_by_keys() {
    local name=$1 log=$2 key pdf=""
    # Ctrl+P opens the PDF menu on its first item (the handout), Enter takes it, Enter accepts its options (the
    # logo, the QR code), Enter saves in the file dialog; at a moderator's pace: the console ignores key bursts
    for key in ctrl+p Return Return Return; do
        DISPLAY="$PDF_DISPLAY" xdotool key "$key"
        sleep 1
    done
    for _ in $(seq 1 60); do
        pdf="$(find "$PDF_USER/Documents" -name '*.pdf' -size +1k | head -n1)"
        [[ -n "$pdf" ]] && break
        sleep 0.5
    done
    [[ -n "$pdf" ]] || { cat "$log" >&2; fail "$name: no PDF in $PDF_USER/Documents 30 s after Ctrl+P"; }
    sleep 1  # written atomically: once it is there it is whole
    [[ "$(head -c 5 "$pdf")" == "%PDF-" ]] || fail "$name: $pdf is not a PDF"
    grep -a -q "DejaVuSans" "$pdf" || fail "$name: $pdf does not embed the bundled DejaVu font"
    echo "$name: $(basename "$pdf"), $(wc -c < "$pdf") bytes, exported from the console by its PDF worker"
}

step "Smoke: the console offscreen (--demo, 5 s, then SIGTERM)"
console_run offscreen "$FISHBOWL_DESKTOP_HOME" : QT_QPA_PLATFORM=offscreen

step "Smoke: the console on an X server (Xvfb, xcb plugin and its libraries), with German settings"
if command -v Xvfb > /dev/null; then
    display="${FISHBOWL_XVFB_DISPLAY:-:$(( 100 + RANDOM % 400 ))}"  # FISHBOWL_XVFB_DISPLAY=:14 picks one
    Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp > "$SMOKE/xvfb.log" 2>&1 &
    xvfb_pid=$!
    sleep 1
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start on $display: $(cat "$SMOKE/xvfb.log")"
    mkdir -p "$SMOKE/home-de"
    echo '{"version": 1, "language": "de"}' > "$SMOKE/home-de/settings.json"
    console_run xcb-de "$SMOKE/home-de" : DISPLAY="$display" QT_QPA_PLATFORM=xcb

    step "Smoke: a PDF exported from the console (Ctrl+P, handout, Enter; the bundle's PDF worker process)"
    if command -v xdotool > /dev/null; then
        PDF_DISPLAY="$display" PDF_USER="$SMOKE/user-pdf"
        mkdir -p "$PDF_USER/Documents"
        console_run pdf "$SMOKE/home-pdf" export_handout_by_keys DISPLAY="$display" QT_QPA_PLATFORM=xcb \
            HOME="$PDF_USER" XDG_CONFIG_HOME="$PDF_USER/.config"
    else
        echo "skipped: xdotool is not installed (apt-get install -y xdotool); the headless export-pdf above still counts"
    fi
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
else
    echo "skipped: Xvfb is not installed (apt-get install -y xvfb); the offscreen run above still counts"
fi

step "Size"
size_mb=$(du -sm "$BUNDLE" | cut -f1)
packed_mb=$(tar -C "$DIST" -czf - fishbowl-desktop | wc -c | awk '{printf "%.1f", $1 / 1048576}')
echo "bundle: $BUNDLE"
echo "size on disk: ${size_mb} MB; as .tar.gz: ${packed_mb} MB"
echo "needs glibc >= $("$PYTHON" packaging/fishbowl_bundle.py glibc "$BUNDLE") (the build machine has $(ldd --version | head -n1 | awk '{print $NF}'))"
[[ -n "${build_seconds:-}" ]] && echo "PyInstaller build: ${build_seconds} s"
echo "total: $(( $(date +%s) - started )) s"
echo "OK: the bundle builds, the headless commands work without a display, and the console starts."
