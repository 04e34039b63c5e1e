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


def test_parse_stat_ppid_and_descendants_of_a_real_child():
    import subprocess
    from harness.proc import descendants, parse_stat_ppid
    assert parse_stat_ppid("1234 (php (worker) x) S 77 1234 1234 0 -1 4194560") == 77
    child = subprocess.Popen(["sleep", "30"])
    try:
        assert child.pid in descendants(os.getpid())
    finally:
        child.kill()
        child.wait()
    assert child.pid not in descendants(os.getpid())


def test_parse_uss_counts_private_pages_only():
    from harness.proc import parse_uss_kib
    text = ("Rss:    30464 kB\nPss:   20000 kB\nShared_Clean:  3000 kB\nPrivate_Clean:  19464 kB\n"
            "Private_Dirty:   7196 kB\nPrivate_Hugetlb:  0 kB\n")
    assert parse_uss_kib(text) == 19464 + 7196


def test_parse_pss():
    from harness.proc import parse_pss_kib
    assert parse_pss_kib("Rss:    30464 kB\nPss:   20000 kB\nPss_Anon:  5000 kB\n") == 20000


def test_tree_cpu_counts_a_process_born_in_the_window_from_zero():
    from harness.proc import cpu_seconds_between
    before = {10: 1.0, 11: 0.5}
    after = {10: 1.5, 11: 0.75, 12: 0.25}  # 12 started in the window; 11 kept running
    assert cpu_seconds_between(before, after) == 0.5 + 0.25 + 0.25
