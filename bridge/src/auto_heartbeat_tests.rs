//! The timer registry on a runtime of its own, with a recorder that keeps what it was given instead of a
//! core worker. Waits are for a condition under a generous deadline; the "nothing more" checks can only
//! pass wrongly on a slow machine, never fail.

use super::*;
use temporalio_common::protos::temporal::api::common::v1::Payload;

const DEADLINE: Duration = Duration::from_secs(10);
const MS: Duration = Duration::from_millis(1);

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_time().build().unwrap()
}

fn heartbeat(token: &str, detail: &str) -> ActivityHeartbeat {
    let payload = Payload { data: detail.as_bytes().to_vec(), ..Default::default() };
    ActivityHeartbeat { task_token: token.as_bytes().to_vec(), details: vec![payload] }
}

/// What a recorder was given: (token, detail) per beat.
#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<Vec<(String, String)>>>);

impl Recorded {
    fn recorder(&self, alive: bool) -> Recorder {
        let recorded = self.clone();
        Arc::new(move |heartbeat: ActivityHeartbeat| {
            let detail = heartbeat.details.first().map(|p| String::from_utf8(p.data.clone()).unwrap());
            let token = String::from_utf8(heartbeat.task_token).unwrap();
            recorded.0.lock().unwrap().push((token, detail.unwrap_or_default()));
            alive
        })
    }

    fn details(&self) -> Vec<String> {
        self.0.lock().unwrap().iter().map(|(_, detail)| detail.clone()).collect()
    }

    fn count(&self) -> usize {
        self.0.lock().unwrap().len()
    }
}

fn wait_until(condition: impl Fn() -> bool) -> bool {
    let deadline = std::time::Instant::now() + DEADLINE;
    while !condition() {
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(5 * MS);
    }
    true
}

/// A worker's timers on a runtime of their own, with one recorder for all of them.
struct Fixture {
    runtime: tokio::runtime::Runtime,
    timers: AutoHeartbeats,
    recorded: Recorded,
}

const HOUR: Duration = Duration::from_secs(3600);

impl Fixture {
    fn new() -> Self {
        Self { runtime: runtime(), timers: AutoHeartbeats::new(), recorded: Recorded::default() }
    }

    /// Starts a timer of `token` beating every 20 ms with `detail`; `alive`: what its recorder answers.
    fn start(&self, token: &str, detail: &str, stop_after: Duration, alive: bool) -> Result<(), TbError> {
        self.start_with(token, detail, 20 * MS, stop_after, self.recorded.recorder(alive))
    }

    fn start_with(&self, token: &str, detail: &str, interval: Duration, stop_after: Duration, recorder: Recorder) -> Result<(), TbError> {
        self.timers.timers().start(self.runtime.handle(), heartbeat(token, detail), interval, stop_after, recorder)
    }
}

fn assert_no_more_beats(recorded: &Recorded) {
    let before = recorded.count();
    std::thread::sleep(300 * MS);
    assert_eq!(recorded.count(), before, "no beat after the timer stopped");
}

#[test]
fn repeats_the_initial_heartbeat_until_the_activity_records_its_own() {
    let f = Fixture::new();
    f.start("t", "previous attempt", HOUR, true).unwrap();
    assert!(wait_until(|| f.recorded.count() >= 2));
    assert!(f.recorded.details().iter().all(|d| d == "previous attempt"));

    let mut direct = Vec::new();
    f.timers.record(heartbeat("t", "halfway"), |hb| direct.push(hb));
    assert_eq!(direct, vec![heartbeat("t", "halfway")], "the activity's own heartbeat is recorded at once");
    let seen = f.recorded.count();
    assert!(wait_until(|| f.recorded.count() >= seen + 2));
    assert!(f.recorded.details()[seen..].iter().all(|d| d == "halfway"), "{:?}", f.recorded.details());
    assert!(f.recorded.0.lock().unwrap().iter().all(|(token, _)| token == "t"));
}

#[test]
fn a_heartbeat_for_a_task_without_a_timer_is_only_recorded() {
    let timers = AutoHeartbeats::new();
    let mut direct = Vec::new();
    timers.record(heartbeat("other", "x"), |hb| direct.push(hb));
    assert_eq!((direct.len(), timers.running()), (1, 0));
}

#[test]
fn stopping_a_task_ends_its_timer_only() {
    let (f, kept) = (Fixture::new(), Recorded::default());
    f.start("a", "a", HOUR, true).unwrap();
    f.start_with("b", "b", 20 * MS, HOUR, kept.recorder(true)).unwrap();
    assert!(wait_until(|| f.recorded.count() >= 1 && kept.count() >= 1));
    f.timers.stop(b"a");
    assert_eq!(f.timers.running(), 1);
    assert_no_more_beats(&f.recorded);
    let seen = kept.count();
    assert!(wait_until(|| kept.count() > seen), "the other task's timer goes on");
    f.timers.stop(b"a");
    f.timers.stop(b"never started");
}

#[test]
fn a_timer_stops_by_itself_at_its_deadline() {
    let f = Fixture::new();
    f.start("t", "d", 200 * MS, true).unwrap();
    assert_eq!(f.timers.running(), 1);
    assert!(wait_until(|| f.timers.running() == 0));
    assert_no_more_beats(&f.recorded);
    f.start("t", "d", 200 * MS, true).unwrap();
    assert_eq!(f.timers.running(), 1, "the token is free again");
}

#[test]
fn a_timer_stops_once_its_worker_is_gone() {
    let f = Fixture::new();
    f.start("t", "d", HOUR, false).unwrap();
    assert!(wait_until(|| f.timers.running() == 0));
    assert_eq!(f.recorded.count(), 1);
}

#[test]
fn dropping_the_workers_timers_stops_them_all() {
    let f = Fixture::new();
    for token in ["a", "b", "c"] {
        f.start(token, "d", HOUR, true).unwrap();
    }
    let registry = f.timers.timers();
    assert!(wait_until(|| f.recorded.count() >= 3));
    let Fixture { runtime: _runtime, timers, recorded } = f;
    drop(timers);
    assert_eq!(registry.running(), 0);
    assert_no_more_beats(&recorded);
}

#[test]
fn a_panicking_beat_ends_only_its_timer() {
    let f = Fixture::new();
    f.start_with("panics", "d", 20 * MS, HOUR, Arc::new(|_| panic!("boom in a recorder"))).unwrap();
    f.start("fine", "d", HOUR, true).unwrap();
    assert!(wait_until(|| f.timers.running() == 1));
    let seen = f.recorded.count();
    assert!(wait_until(|| f.recorded.count() > seen), "the runtime and the other timer go on");
    let mut direct = Vec::new();
    f.timers.record(heartbeat("fine", "after"), |hb| direct.push(hb));
    assert_eq!(direct.len(), 1, "the registry is usable after the panic");
}

#[test]
fn rejects_what_it_cannot_run() {
    let f = Fixture::new();
    let start = |token: &str, interval: Duration, stop_after: Duration| {
        f.start_with(token, "d", interval, stop_after, f.recorded.recorder(true))
    };
    let message = |result: Result<(), TbError>| format!("{:?}", result.unwrap_err());
    assert!(message(start("", MS, MS)).contains("the heartbeat has no task token"));
    assert!(message(start("t", Duration::ZERO, MS)).contains("must be at least 1 ms"));
    assert!(message(start("t", MS, Duration::ZERO)).contains("must be at least 1 ms"));
    assert!(message(start("t", MS, Duration::MAX)).contains("the stop-after time is too large"));
    start("t", HOUR, HOUR).unwrap();
    assert!(message(start("t", MS, MS)).contains("auto-heartbeat is already running for this activity task"));
    assert_eq!(f.timers.running(), 1);
}
