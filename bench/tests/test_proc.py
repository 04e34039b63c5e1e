import os

from harness.proc import CLK_TCK, cpu_seconds, parse_stat_cpu_ticks, parse_status_kib, peak_rss_mib


def test_parse_stat_with_spaces_and_parens_in_comm():
    # pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    line = "1234 (php (worker) x) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0"
    assert parse_stat_cpu_ticks(line) == 300


def test_parse_status():
    text = "Name:\tphp\nVmHWM:\t   44444 kB\nVmRSS:\t   40000 kB\n"
    assert parse_status_kib(text, "VmHWM") == 44444
    assert parse_status_kib(text, "VmRSS") == 40000


def test_reads_this_process():
    assert cpu_seconds(os.getpid()) >= 0
    assert peak_rss_mib(os.getpid()) > 1
    assert CLK_TCK > 0


def test_parse_cpu_busy_ticks():
    from harness.proc import parse_cpu_busy_ticks
    text = ("cpu  10 0 10 100 5 0 0 0 0 0\n"
            "cpu0 5 1 4 60 3 2 1 0 0 0\n"
            "cpu1 5 0 6 40 2 0 0 0 0 0\n")
    assert parse_cpu_busy_ticks(text, 0) == 5 + 1 + 4 + 2 + 1
    assert parse_cpu_busy_ticks(text, 1) == 11
