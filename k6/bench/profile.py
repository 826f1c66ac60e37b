#!/usr/bin/env python3
"""Where each row's function CPU went: the async-profiler stacks scan-in.sh keeps with PROFILE=1, as microseconds of
the function's CPU per request, by stage. Usage: profile.py FOLDER (one mode's results: rows.txt, profile-N.collapsed,
N the row's line in rows.txt). Each sample is a millisecond of one thread's CPU; it counts for the first stage below
whose test its thread and stack pass."""
import collections
import re
import sys

# (stage, test on the thread's name, test on any frame of the stack, test on the innermost Java frame): first match wins
STAGES = [
    ("GC (the VM thread)", r"^VM Thread", None, None),
    ("JIT compilers", r"CompilerThre", None, None),
    ("bearer token verification", None, r"org/jose4j|io/smallrye/jwt", None),
    ("group commit writer (insertMany)", r"-writer-", None, None),
    ("store driver on request threads", None, r"com/mongodb|org/bson", None),
    ("threads handing work over", None, None, r"^jdk/internal/misc/Unsafe\.(park|unpark)$"),
    ("the scan's own checks and event", None, r"io/checkin/(scan|code|limit)/", None),
    ("HTTP and routing (event loops)", r"^vert\.x-eventloop", None, None),
    ("dispatch, JSON, answer (workers)", r"^executor-thread", None, None),
    ("other threads", None, None, None),
]


def short(name):
    for pattern, label in ((r"bare ceiling", "bare"), (r"no-op", "no-op"), (r"\(max\)", "scan max")):
        if re.search(pattern, name):
            return label
    share = re.search(r"(\d+%)", name)
    return f"k6 {share.group(1)}" if share else name[:10]


def stage(thread, frames):
    java = [f for f in frames if "/" in f]
    leaf = java[-1] if java else ""
    stack = ";".join(frames)
    for name, on_thread, on_stack, on_leaf in STAGES:
        if ((on_thread and not re.search(on_thread, thread)) or (on_stack and not re.search(on_stack, stack))
                or (on_leaf and not re.search(on_leaf, leaf))):
            continue
        return name
    return STAGES[-1][0]


def main(folder):
    rows = [line.split() for line in open(f"{folder}/rows.txt")]
    columns = []
    for index, fields in enumerate(rows, 1):
        try:
            lines = open(f"{folder}/profile-{index}.collapsed").readlines()
        except OSError:
            continue
        spent = collections.Counter()
        for line in lines:
            stack, samples = line.rstrip().rsplit(" ", 1)
            frames = stack.split(";")
            thread = re.sub(r" tid=\d+\]$", "", frames[0].lstrip("["))
            spent[stage(thread, frames[1:])] += int(samples)
        columns.append((short(fields[0].replace("_", " ")), int(fields[1]), spent))
    if not columns:
        sys.exit(f"no profiles in {folder}")
    print(f"{'function CPU per request (us)':<34}" + "".join(f"{name:>10}" for name, _, _ in columns))
    for name, *_ in STAGES:
        print(f"{name:<34}" + "".join(f"{spent[name] * 1000 / requests:>10.1f}" for _, requests, spent in columns))
    print(f"{'all':<34}" + "".join(f"{sum(spent.values()) * 1000 / requests:>10.1f}" for _, requests, spent in columns))
    print("(async-profiler, one sample per millisecond of a thread's CPU; the profiler's own cost is in the rows' rates)")


if __name__ == "__main__":
    main(sys.argv[1])
