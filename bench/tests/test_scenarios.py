from scenarios import activities, client
from scenarios.activities import Cell, Settings, peer_orders


def test_peer_orders_vary_and_cover_every_peer():
    orders = peer_orders(3)
    assert len(set(orders)) == 3
    assert all(sorted(o) == sorted(activities.PEERS) for o in orders)


def _cell(peer, rep, seconds, cpu, rss):
    return Cell(peer, rep, 2000, seconds, cpu, rss, cpu0_seconds=seconds * 0.95)


def test_activities_tables_medians_ratios_and_server_bound():
    cells = []
    for rep in range(3):
        cells += [_cell("php", rep, 10.0 + rep, 1.2, 40.0 + rep),   # ~12% busy: server-bound
                  _cell("python", rep, 10.0, 2.0, 60.0),
                  _cell("go", rep, 5.0, 4.0, 20.0)]              # 80% busy: not server-bound
    s = Settings(reps=3)
    out = activities.tables(cells, s)
    php_row = next(line for line in out.splitlines() if line.startswith("| PHP (ours)"))
    go_row = next(line for line in out.splitlines() if line.startswith("| Go SDK"))
    assert "182 (167–200) (server-bound)" in php_row  # 2000/11 median, 2000/12–2000/10
    assert "server-bound" not in go_row
    cpu_row = next(line for line in out.splitlines() if line.startswith("| CPU-s / 1k"))
    assert "| 0.600 " in cpu_row and "0.60x" in cpu_row and "0.30x" in cpu_row  # 0.6 vs 1.0 and 2.0
    rss_row = next(line for line in out.splitlines() if line.startswith("| peak RSS"))
    assert "0.68x" in rss_row and "2.05x" in rss_row  # 41/60, 41/20


def test_client_tables_ratio_row():
    runs = []
    for rep in range(3):
        runs.append(client.Run("php", rep, [10.0] * 100, 200.0, [8.0] * 100))
        runs.append(client.Run("python", rep, [20.0] * 100, 100.0, [8.0] * 100))
    out = client.tables(runs, client.Settings(reps=3))
    ratio_row = next(line for line in out.splitlines() if line.startswith("| PHP/Python"))
    cells = [c.strip() for c in ratio_row.strip("|").split("|")]
    # p50, p99, starts/s, server p50, client-added p50
    assert cells[1:] == ["0.50x", "0.50x", "2.00x", "1.00x", "0.17x"]
