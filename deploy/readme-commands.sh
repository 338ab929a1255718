#!/usr/bin/env bash
# Runs every command that the repository's Markdown files show, each in its cheapest mode, so that a README cannot
# drift away from what works. The commands are read from the Markdown itself (every *.md outside target/, .git and
# deploy/local/.data): each line of a fenced block tagged bash/sh/shell; each line of an untagged fenced block and
# each `inline code` that starts like a command (a script path such as deploy/local/run.sh or deploy/bench/run.sh,
# an executable file of the repository such as .ci/run, or mvn, curl, java, psql, wrk, git, bash, openssl, python3,
# possibly after NAME=value settings). All of them are written to run from the repository root.
#
#   deploy/readme-commands.sh [--list]
#
#   --list   only list the commands found and how each is run or why it is exempt (no stack, nothing started)
#
# Each command matches one rule of RULES below: run as shown, run in a cheaper mode (--help, a tiny data size, a
# 2-second benchmark), run by deploy/local/dev-mode-check.sh (taking a service of the stack out, quarkus:dev in its
# place, putting it back), or exempt with the reason written next to it. A command that matches no rule fails the
# script, named with its file and line, before anything runs. Commands that need the local stack run against one
# that this script starts with deploy/local/run.sh --background and stops with deploy/local/stop.sh; curl fails on
# an HTTP error status, and $TOKEN holds an admin token as the root README's credentials block sets it.
#
# deploy/test.sh runs this after the smoke test, so CI runs it on a fresh clone after `mvn -B install`; run it after
# that (or the README's `mvn -B install -DskipTests`) yourself, since quarkus:dev resolves the installed modules.
# Environment: PGHOST/PGPORT as for run.sh; MAVEN_OPTS/MAVEN_ARGS reach every Maven run. Exits non-zero on the first failure,
# after stopping what it started.
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
case "${1:-}" in
  -h | --help) sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
  "" | --list) ;;
  *) echo "readme-commands: unknown argument $1 (see --help)" >&2; exit 2 ;;
esac
cd "$root"
exec python3 - "$root" "$@" <<'PY'
import os, re, shutil, signal, subprocess, sys, tempfile, time

root = sys.argv[1]
list_only = "--list" in sys.argv[2:]

# --- the rules ------------------------------------------------------------------------------------------------------
# (pattern that the whole command must match, mode, how to run it or why not). Modes:
#   prepare  runs before the stack starts; stack  runs while it is up (grouped per fenced block, in order);
#   start / stop  the stack's own start and stop, run once around the stack commands;
#   devmode  deploy/local/dev-mode-check.sh does this for each of the four services;  exempt  not run, for the reason.
# In a command to run, {cmd} is the command as the README shows it.
SERVICE = r"(units-service|tasks-service|notifications-service|gateway)"
RULES = [
    (r"(\./)?deploy/test\.sh", "exempt", "the test command itself: CI runs it, and it runs this script"),
    (r"\.ci/run", "exempt", "CI's entry point: it runs deploy/test.sh, which runs this script"),
    (r"mvn -B install", "exempt", "what deploy/test.sh runs first: in CI it has just passed on this clone"),
    (r"curl http://127\.0\.0\.1:8025/api/user/<address>/messages/INBOX", "exempt",
     "<address> stands for an address that received mail, which a fresh stack has none of; the command before it "
     "(curl http://127.0.0.1:8025/api/user) asks the same server for the list"),
    (r"mvn -B install -DskipTests", "exempt",
     "deploy/test.sh has just run mvn -B install, this very build with the tests, on this clone (and the dev-mode "
     "check needs what it installed)"),
    (r"(\./)?deploy/local/api-clients\.sh", "exempt",
     "deploy/local/smoke-test.sh, which deploy/test.sh runs just before this script, runs it against the stack"),
    (r"(\./)?deploy/local/smoke-test\.sh", "exempt",
     "what deploy/test.sh runs second, just before this script (it needs the stack stopped, and stops it)"),
    (r"mvn (-B )?-pl " + SERVICE + r" -am verify", "exempt",
     "one module's whole test suite: mvn -B install in deploy/test.sh has just run every module's"),
    (r"java -jar " + SERVICE + r"/target/quarkus-app/quarkus-run\.jar", "exempt",
     "a service in the foreground until Ctrl-C, configured by the variables named beside it: deploy/local/run.sh "
     "starts this very jar with them, and this script starts the stack"),
    (r"(\./)?deploy/local/run\.sh", "exempt",
     "stays in the foreground until Ctrl-C; the same start with --background is run here"),
    (r'curl -H "X-API-Key: sk_…" .*', "exempt",
     "sk_… stands for the secret that creating a key prints; deploy/local/smoke-test.sh makes this request with a "
     "real key"),
    (r"(\./)?deploy/local/run\.sh --background", "start", "{cmd}"),
    (r"(\./)?deploy/local/stop\.sh", "stop", "{cmd}"),
    (r"(\./)?deploy/local/stop\.sh " + SERVICE, "devmode", ""),
    (r"(\./)?deploy/local/run\.sh --background " + SERVICE, "devmode", ""),
    (r"(mvn|deploy/maven\.sh) -pl " + SERVICE + r" quarkus:dev", "devmode", ""),
    (r"deploy/local/dev-mode-check\.sh", "devmode", ""),
    (r"deploy/(maven|readme-commands)\.sh|deploy/local/(token|dev-mode-check)\.sh", "prepare", "{cmd} --help"),
    (r"deploy/local/token\.sh (admin|supervisor|viewer)", "prepare", "{cmd}"),
    # its own broker, services, nginx and bench_* databases on other ports than the stack's; CI needs wrk and nginx,
    # which .ci/run installs
    (r"deploy/bench/run\.sh --(small|full)( --tasks \d+(,\d+)*)?", "prepare", "deploy/bench/run.sh --small"),
    (r"deploy/bench/run\.sh", "prepare", "{cmd} --help"),
    (r"deploy/bench/daily-run\.sh( --(small|full))?( --runs \d+)?", "exempt",
     "deploy/bench/run.sh --small, run just above, runs it in its small mode and prints its rows in its table"),
    (r"TOKEN=\$\(deploy/local/token\.sh admin \| tail -n 1\)", "stack", "{cmd}"),
    # the images and podman kube play of deploy/k8s (deploy/README.md): before the stack starts, since kube-play.sh
    # takes the stack's ports; the base image is built once per machine, then only the service images (seconds)
    (r"deploy/images/build\.sh --save target/images", "prepare", "{cmd}"),
    (r"podman load -i target/images/supervision-images-[\w.-]+\.tar", "prepare", "{cmd}"),
    (r"kubectl kustomize deploy/k8s/overlays/(production|podman)", "prepare", "{cmd} >/dev/null"),
    (r"deploy/k8s/kube-play\.sh", "exempt",
     "the same script runs below with --kafka against the multi-node infrastructure; without it, it differs only in "
     "starting a single broker of its own and using the machine's PostgreSQL"),
    # the multi-node run (deploy/README.md): kube-play.sh against its infrastructure, which is started for it and
    # stopped after it whatever happens; the fault suite in its CI size (200 writes per case, its own stack)
    (r"PGPORT=5490 deploy/k8s/kube-play\.sh --kafka [\d.:,]+", "prepare",
     "deploy/local/ha.sh start --infra-only && { {cmd} && status=0 || status=$?; deploy/local/ha.sh stop; exit $status; }"),
    (r"deploy/local/ha\.sh start --infra-only", "exempt",
     "run just before the kube-play.sh --kafka command, in the same step, which stops it again whatever happens"),
    (r"deploy/local/ha\.sh stop", "exempt", "run just after the kube-play.sh --kafka command, in the same step"),
    (r"deploy/local/ha\.sh start", "exempt", "deploy/local/faults.sh starts it, runs the suite on it and stops it"),
    (r"deploy/local/faults\.sh", "prepare", "{cmd} --tasks 200"),
    (r"deploy/images/build\.sh --base-image docker\.io/\S+", "exempt",
     "no container registry is reachable here; the same script with its local Debian base is run"),
    (r"curl .*(localhost|127\.0\.0\.1):(8080|8081|8082|8083|8025)/.*", "stack", "{cmd}"),
]
DEV_MODE_CHECK = "deploy/local/dev-mode-check.sh --reload"

# --- reading the Markdown -------------------------------------------------------------------------------------------
PROGRAMS = {"mvn", "curl", "java", "psql", "wrk", "git", "bash", "openssl", "python3"}
SHELL_TAGS = {"bash", "sh", "shell"}

def markdown_files():
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("target", ".git", "node_modules")
                         and os.path.join(directory, d) != os.path.join(root, "deploy", "local", ".data"))
        for name in sorted(files):
            if name.endswith(".md"):
                yield os.path.relpath(os.path.join(directory, name), root)

def first_program(command):
    words = command.split()
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=\S*$", words[0]) and len(words) > 1:
        words = words[1:]
    return words[0] if words else ""

def looks_like_command(command):
    word = first_program(command)
    if word in PROGRAMS:
        return len(command.split()) > 1  # a program named alone is a mention
    if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=\$\(", command):  # TOKEN=$(…)
        return True
    if "/" in word and re.match(r"^[\w./-]+$", word):
        path = os.path.join(root, word)
        return word.endswith(".sh") or (os.path.isfile(path) and os.access(path, os.X_OK))
    return False

def without_comment(command):
    return re.sub(r"\s+#\s.*$", "", command).strip()

def extract():
    """(file, line, block, command) for every command; block is a fenced block's id, or None for inline code."""
    found, bare_scripts = [], []
    for md in markdown_files():
        lines = open(os.path.join(root, md), encoding="utf-8").read().split("\n")
        fence, tag, block, pending, pending_line = None, "", None, "", 0
        for number, line in enumerate(lines, 1):
            opening = re.match(r"^\s*(```+|~~~+)\s*([\w-]*)", line)
            if fence is None and opening:
                fence, tag, block = opening.group(1), opening.group(2).lower(), f"{md}:{number}"
                continue
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                    continue
                text = (pending + " " + line.strip()) if pending else line.strip()
                if text.endswith("\\"):
                    pending, pending_line = text[:-1].strip(), pending_line or number
                    continue
                start, pending, pending_line = pending_line or number, "", 0
                if not text or text.startswith("#"):
                    continue
                if tag in SHELL_TAGS or (tag == "" and looks_like_command(text)):
                    found.append((md, start, block, text))
                continue
            for code in re.findall(r"(?<!`)`([^`]+)`(?!`)", line):
                code = code.strip()
                if looks_like_command(code):
                    found.append((md, number, None, code))
                elif re.match(r"^[\w-]+\.sh\s+\S", code):
                    bare_scripts.append(f"{md}:{number}: `{code}`")
    return found, bare_scripts

def classify(command):
    key = re.sub(r"\s+", " ", without_comment(command))
    for pattern, mode, how in RULES:
        if re.fullmatch(pattern, key):
            return mode, how.replace("{cmd}", command)
    return None, None

commands, bare_scripts = extract()
plan, unknown = [], []
for md, line, block, command in commands:
    mode, how = classify(command)
    if mode is None:
        unknown.append(f"{md}:{line}: {command}")
    plan.append((md, line, block, command, mode, how))

width = max((len(f"{md}:{line}") for md, line, *_ in plan), default=0)
print(f"readme-commands: {len(plan)} commands in the Markdown files")
for md, line, block, command, mode, how in plan:
    shown = {"exempt": "exempt", "devmode": "dev mode", None: "UNKNOWN"}.get(mode, "run")
    print(f"  {f'{md}:{line}':<{width}}  {shown:<8}  {command}")
    if mode == "exempt":
        print(f"  {'':<{width}}            because {how}")
    elif mode == "devmode":
        print(f"  {'':<{width}}            by {DEV_MODE_CHECK}, for every service")
    elif mode in ("start", "stop"):
        print(f"  {'':<{width}}            once, as the {mode} of the stack for the commands that need it")
    elif mode is not None and how != command:
        print(f"  {'':<{width}}            as: {how}")
problems = []
if unknown:
    problems.append("these commands are neither run nor exempt (add a rule to deploy/readme-commands.sh, with a "
                    "reason if it is exempt):\n  " + "\n  ".join(unknown))
if bare_scripts:
    problems.append("these look like commands but name a script without its path; write them as run from the "
                    "repository root (e.g. deploy/local/run.sh --background):\n  " + "\n  ".join(bare_scripts))
for mode in ("start", "stop"):
    if not any(p[4] == mode for p in plan):
        problems.append(f"no README shows the local stack's {mode} command any more; this script uses it")
if problems:
    print("readme-commands: FAIL: " + "\n".join(problems), file=sys.stderr)
    sys.exit(1)
if list_only:
    sys.exit(0)

# --- running --------------------------------------------------------------------------------------------------------
work = tempfile.mkdtemp(prefix="readme-commands.")
PRELUDE = """set -eo pipefail
# an HTTP error status is a failure, as it would be for the reader
curl() { command curl --fail-with-body --silent --show-error --max-time 120 "$@"; }
"""
STACK_PRELUDE = 'TOKEN="$(deploy/local/token.sh admin 2>/dev/null | tail -n 1)"\n'
step = 0
stack_started = False

def run(title, script, timeout=900, shown_lines=1):
    """Runs a bash script from the root in a session of its own; its output goes to a log, shown whole on failure
    and by its last SHOWN_LINES lines (the figures of a benchmark, the report of a check) otherwise."""
    global step
    step += 1
    log = os.path.join(work, f"{step:02d}.log")
    started = time.monotonic()
    print(f"readme-commands: {title}", flush=True)
    with open(log, "w") as out:
        process = subprocess.Popen(["bash", "-c", script], cwd=root, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
            status = "timeout"
    took = time.monotonic() - started
    if status != 0:
        print(open(log, encoding="utf-8", errors="replace").read()[-6000:], file=sys.stderr)
        raise SystemExit(f"readme-commands: FAIL: {title} (exit {status} after {took:.0f} s; log {log})")
    last = [l for l in open(log, encoding="utf-8", errors="replace").read().splitlines() if l.strip()][-shown_lines:]
    for line in last:
        print(f"    | {line[:200]}")
    print(f"  ok in {took:.1f} s", flush=True)

def step_script(entries, prelude=""):
    script = PRELUDE + prelude
    for md, line, block, command, mode, how in entries:
        script += f"echo {shell_quote('>>> ' + md + ':' + str(line) + ': ' + how)}\n{how}\n"
    return script

def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"

def grouped(mode):
    """The commands of MODE, in order, one group per fenced block (so that a variable set on one line reaches the
    next) and one per distinct inline command."""
    groups, by_block, inline_seen = [], {}, set()
    for entry in plan:
        if entry[4] != mode:
            continue
        block = entry[2]
        if block is None:
            if entry[5] not in inline_seen:  # the same inline command in two files runs once
                inline_seen.add(entry[5])
                groups.append([entry])
        elif block in by_block:
            by_block[block].append(entry)
        else:
            by_block[block] = [entry]
            groups.append(by_block[block])
    # a command shown on its own in several places (a benchmark, the fault suite) runs once: they take minutes
    once, ran = [], set()
    for group in groups:
        if len(group) == 1 and group[0][5] in ran:
            continue
        ran.update(entry[5] for entry in group if len(group) == 1)
        once.append(group)
    return once

def describe(group):
    first = group[0]
    return f"{first[0]}:{first[1]}: " + " ; ".join(e[3] for e in group)

# It starts the stack and stops it at the end: a stack that is already running is someone's, and not to be stopped.
running = subprocess.run(["bash", "-c", 'source deploy/local/stack-lib.sh; for name in $(recorded_names); do '
                          'if recorded_pid "$name" >/dev/null; then echo "$name"; fi; done'],
                         cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True).stdout.split()
if running:
    print(f"readme-commands: FAIL: the local stack is already running ({', '.join(running)}); this script starts and "
          "stops one of its own: stop it first with deploy/local/stop.sh", file=sys.stderr)
    sys.exit(1)

started_at = time.monotonic()
exit_status = 0
try:
    for group in grouped("prepare"):
        faults = any("faults.sh" in entry[3] for entry in group)  # its figures: one line per case and the summary
        run(describe(group), step_script(group), timeout=1500 if faults else 900, shown_lines=6 if faults else 1)
    start = next(p for p in plan if p[4] == "start")
    run(f"{start[0]}:{start[1]}: {start[3]} (the stack for the commands that need it)", PRELUDE + start[5] + "\n")
    stack_started = True
    for group in grouped("stack"):
        run(describe(group), step_script(group, STACK_PRELUDE))
    run(f"{DEV_MODE_CHECK} (mvn -pl SERVICE quarkus:dev in place of each of the stack's services)",
        PRELUDE + DEV_MODE_CHECK + "\n", timeout=1500, shown_lines=60)
    stop = next(p for p in plan if p[4] == "stop")
    stack_started = False
    run(f"{stop[0]}:{stop[1]}: {stop[3]}", PRELUDE + stop[5] + "\n")
except SystemExit as failure:
    print(failure, file=sys.stderr)
    exit_status = 1
finally:
    if stack_started:
        print("readme-commands: stopping the stack after the failure", file=sys.stderr)
        subprocess.run(["deploy/local/stop.sh"], cwd=root, stdin=subprocess.DEVNULL)
if exit_status == 0:
    shutil.rmtree(work, ignore_errors=True)
    ran = sum(1 for p in plan if p[4] not in ("exempt",))
    exempt = sum(1 for p in plan if p[4] == "exempt")
    print(f"readme-commands: OK: {ran} commands ran ({sum(1 for p in plan if p[4] == 'devmode')} of them through "
          f"the dev-mode check), {exempt} exempt, in {time.monotonic() - started_at:.0f} s")
sys.exit(exit_status)
PY
