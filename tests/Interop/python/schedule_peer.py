"""The Python SDK's schedule client as a peer of the PHP one: describes and lists a schedule PHP created,
or creates one for PHP to describe. Prints one JSON object.

    TEMPORAL_ADDRESS=127.0.0.1:PORT python3 tests/Interop/python/schedule_peer.py describe --id ID
    TEMPORAL_ADDRESS=127.0.0.1:PORT python3 tests/Interop/python/schedule_peer.py create --id ID --task-queue Q
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from datetime import timedelta

from temporalio.client import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleCalendarSpec,
    ScheduleIntervalSpec,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleRange,
    ScheduleSpec,
    ScheduleState,
)

LIST_DEADLINE_S = 60.0  # visibility lags: a new schedule is listed a moment after it is created


def ranges(values) -> list[list[int]]:
    return [[r.start, r.end, r.step] for r in values]


async def describe(client: Client, schedule_id: str) -> dict:
    description = await client.get_schedule_handle(schedule_id).describe()
    schedule = description.schedule
    action = schedule.action
    assert isinstance(action, ScheduleActionStartWorkflow)
    spec = schedule.spec
    calendar = spec.calendars[0]
    listed = await listed_entry(client, schedule_id)
    return {
        "workflow": action.workflow,
        "args": await client.data_converter.decode(action.args),
        "workflow_id": action.id,
        "task_queue": action.task_queue,
        "run_timeout_s": action.run_timeout.total_seconds() if action.run_timeout else None,
        "interval": [spec.intervals[0].every.total_seconds(), spec.intervals[0].offset.total_seconds()],
        "calendar": {"hour": ranges(calendar.hour), "day_of_week": ranges(calendar.day_of_week),
                     "comment": calendar.comment},
        "excluded_months": ranges(spec.skip[0].month),
        "time_zone": spec.time_zone_name,
        "jitter_s": spec.jitter.total_seconds() if spec.jitter else 0,
        "end_at": spec.end_at.isoformat() if spec.end_at else None,
        "overlap": schedule.policy.overlap.name,
        "catchup_window_s": schedule.policy.catchup_window.total_seconds(),
        "pause_on_failure": schedule.policy.pause_on_failure,
        "paused": schedule.state.paused,
        "note": schedule.state.note,
        "remaining_actions": schedule.state.remaining_actions if schedule.state.limited_actions else None,
        "memo": await description.memo(),
        "listed": listed,
    }


async def listed_entry(client: Client, schedule_id: str) -> dict | None:
    deadline = asyncio.get_running_loop().time() + LIST_DEADLINE_S
    while True:
        async for entry in await client.list_schedules():
            if entry.id == schedule_id:
                return {"workflow": entry.schedule.action.workflow, "paused": entry.schedule.state.paused,
                        "note": entry.schedule.state.note}
        if asyncio.get_running_loop().time() >= deadline:
            return None
        await asyncio.sleep(0.2)


async def create(client: Client, schedule_id: str, task_queue: str) -> dict:
    await client.create_schedule(
        schedule_id,
        Schedule(
            action=ScheduleActionStartWorkflow(
                "EchoWorkflow", args=["from python", 7], id=f"{schedule_id}-wf", task_queue=task_queue,
                run_timeout=timedelta(minutes=5),
            ),
            spec=ScheduleSpec(
                intervals=[ScheduleIntervalSpec(every=timedelta(hours=2), offset=timedelta(minutes=5))],
                calendars=[ScheduleCalendarSpec(hour=[ScheduleRange(8, 18, 2)], day_of_week=[ScheduleRange(1, 5)],
                                                comment="python calendar")],
                skip=[ScheduleCalendarSpec(month=[ScheduleRange(7, 8)])],
                time_zone_name="America/New_York",
                jitter=timedelta(seconds=3),
            ),
            policy=SchedulePolicy(overlap=ScheduleOverlapPolicy.CANCEL_OTHER, catchup_window=timedelta(minutes=20),
                                  pause_on_failure=True),
            state=ScheduleState(paused=True, note="paused by python", limited_actions=True, remaining_actions=2),
        ),
        memo={"origin": "python"},
    )
    return {"created": schedule_id}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["describe", "create"])
    parser.add_argument("--id", required=True)
    parser.add_argument("--task-queue", default="")
    args = parser.parse_args()
    client = await Client.connect(os.environ["TEMPORAL_ADDRESS"],
                                  namespace=os.environ.get("TEMPORAL_NAMESPACE", "default"))
    if args.command == "describe":
        result = await describe(client, args.id)
    else:
        result = await create(client, args.id, args.task_queue)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
    # As drive_php_workflows.py: the SDK's runtime has crashed in interpreter teardown on a loaded machine.
    os._exit(0)
