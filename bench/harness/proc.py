"""Measuring a process from outside: CPU seconds from /proc/<pid>/stat, peak RSS from /proc/<pid>/status."""

from __future__ import annotations

import os
import threading

CLK_TCK = os.sysconf("SC_CLK_TCK")


def parse_stat_cpu_ticks(stat_line: str) -> int:
    """utime + stime (all threads) from a /proc/<pid>/stat line; the comm field may hold spaces and ')'."""
    fields = stat_line[stat_line.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime is field 14, stime field 15
    return int(fields[11]) + int(fields[12])


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        return parse_stat_cpu_ticks(f.read()) / CLK_TCK


def parse_status_kib(status_text: str, key: str) -> int:
    for line in status_text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def status_kib(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        return parse_status_kib(f.read(), key)


def peak_rss_mib(pid: int) -> float:
    return status_kib(pid, "VmHWM") / 1024


class RssSampler:
    """Samples VmRSS every `interval` seconds in a thread (for slopes; the peak comes from VmHWM)."""

    def __init__(self, pid: int, interval: float = 1.0):
        self.pid, self.interval = pid, interval
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.samples.append(status_kib(self.pid, "VmRSS") / 1024)
            except (OSError, KeyError):
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def parse_cpu_busy_ticks(proc_stat_text: str, cpu: int) -> int:
    """Busy ticks of one CPU from /proc/stat: every field but idle (4th) and iowait (5th); guest is in user."""
    for line in proc_stat_text.splitlines():
        if line.startswith(f"cpu{cpu} "):
            values = [int(v) for v in line.split()[1:9]]  # user nice system idle iowait irq softirq steal
            return sum(values) - values[3] - values[4]
    raise KeyError(f"cpu{cpu}")


def cpu_busy_seconds(cpu: int) -> float:
    """Seconds one CPU spent busy (anyone's work) since boot; differences give a CPU's load in a window."""
    with open("/proc/stat") as f:
        return parse_cpu_busy_ticks(f.read(), cpu) / CLK_TCK


def parse_stat_ppid(stat_line: str) -> int:
    """The parent PID (field 4) from a /proc/<pid>/stat line."""
    return int(stat_line[stat_line.rindex(")") + 2:].split()[1])


def descendants(pid: int) -> list[int]:
    """Every living process below pid (children, their children...), from a scan of /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                children.setdefault(parse_stat_ppid(f.read()), []).append(int(entry))
        except (OSError, ValueError):
            continue  # it exited meanwhile
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return sorted(found)


def tree_cpu_seconds(pid: int) -> dict[int, float]:
    """CPU seconds of pid and of each of its living descendants, by PID (one that exits meanwhile is left out)."""
    out = {}
    for p in [pid, *descendants(pid)]:
        try:
            out[p] = cpu_seconds(p)
        except OSError:
            continue
    return out


def cpu_seconds_between(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds a process tree spent between two tree_cpu_seconds() readings; a process born in between
    counts from 0 (its start is part of the cost)."""
    return sum(cpu - before.get(p, 0.0) for p, cpu in after.items())


def parse_uss_kib(smaps_rollup_text: str) -> int:
    """The unique set size: the pages no other process maps (Private_Clean + Private_Dirty)."""
    return sum(int(line.split()[1]) for line in smaps_rollup_text.splitlines()
               if line.startswith(("Private_Clean:", "Private_Dirty:")))


def parse_pss_kib(smaps_rollup_text: str) -> int:
    """The proportional set size: each page divided by the number of processes that map it."""
    return sum(int(line.split()[1]) for line in smaps_rollup_text.splitlines() if line.startswith("Pss:"))


def uss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/smaps_rollup") as f:
        return parse_uss_kib(f.read()) / 1024


def pss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/smaps_rollup") as f:
        return parse_pss_kib(f.read()) / 1024
