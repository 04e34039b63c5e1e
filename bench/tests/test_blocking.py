import json

import pytest
from temporalio.api.common.v1 import Payload, Payloads
from temporalio.api.enums.v1 import EventType
from temporalio.api.history.v1 import (ActivityTaskCompletedEventAttributes, ActivityTaskStartedEventAttributes,
                                       HistoryEvent)

from scenarios.blocking import PEERS, Cell, Settings, dispatch_latencies_ms, peer_orders, tables, targets


def _started(scheduled: int, micros: int) -> HistoryEvent:
    e = HistoryEvent(event_type=EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
                     activity_task_started_event_attributes=ActivityTaskStartedEventAttributes(
                         scheduled_event_id=scheduled))
    e.event_time.FromMicroseconds(micros)
    return e


def _completed(scheduled: int, code_started_us: int) -> HistoryEvent:
    result = Payloads(payloads=[Payload(metadata={"encoding": b"json/plain"},
                                        data=json.dumps(code_started_us).encode())])
    return HistoryEvent(event_type=EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
                        activity_task_completed_event_attributes=ActivityTaskCompletedEventAttributes(
                            scheduled_event_id=scheduled, result=result))


def test_dispatch_latency_pairs_each_completion_with_its_own_start():
    base = 1_780_000_000_000_000
    events = [_started(5, base), _started(6, base + 1_000), _completed(6, base + 1_500),
              _completed(5, base + 12_000)]
    assert dispatch_latencies_ms(events) == [0.5, 12.0]


def test_peer_orders_rotate_every_peer():
    orders = peer_orders(4)
    assert all(sorted(o) == sorted(PEERS) for o in orders)
    assert len({o[0] for o in orders}) == 4


def _cell(peer: str, n: int, cpu: float, memory: float, children: list[float] | None = None) -> Cell:
    return Cell(peer, n, 0, 1000, 12.5, cpu, memory, children or [], 1.0, 3.0)


def test_targets_compare_the_pool_with_python():
    s = Settings(concurrency=(8,), reps=1)
    cells = [_cell("php-pool", 8, 2.0, 40.0, [8.0] * 8), _cell("python", 8, 4.0, 60.0)]
    assert cells[0].total_mib == pytest.approx(104.0)
    assert targets(cells, s) == [
        "- N=8: pool CPU-s / 1k = 0.50x Python's (target ≤ 1.00x): met",
        "- N=8: pool total memory = 1.73x Python's (target ≤ 1.50x): NOT met",
    ]
    text = tables(cells, None, s)
    assert "(8 processes)" in text and "PHP process pool (ours)" in text


def test_settings_refuse_sizes_that_do_not_split_into_equal_workflows():
    Settings(activities=1000, fibers_activities=20).check()
    for bad in (Settings(activities=1050), Settings(fibers_activities=0), Settings(concurrency=())):
        with pytest.raises(ValueError):
            bad.check()
