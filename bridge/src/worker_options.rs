//! The worker options document (JSON, unknown fields rejected) and its translation to the core's
//! `WorkerConfig`. Ranges are checked here so every bad value is named in the error.

use crate::worker_deployment::{versioning_strategy, DeploymentDoc};
use crate::worker_tuning::{in_range, invalid, poller_behavior, AutoscalingDoc, TunerDoc, MAX_SLOTS};
use crate::TbError;
use serde::Deserialize;
use std::time::Duration;
use temporalio_common::worker::WorkerTaskTypes;
use temporalio_sdk_core::WorkerConfig;

const MAX_CACHED: i64 = 1_000_000;
const MAX_DURATION_MS: i64 = 24 * 3_600_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WorkerOptions {
    namespace: String,
    task_queue: String,
    #[serde(default)]
    identity: Option<String>,
    #[serde(default)]
    build_id: Option<String>,
    #[serde(default = "yes")]
    workflows: bool,
    #[serde(default = "yes")]
    activities: bool,
    #[serde(default = "hundred")]
    max_concurrent_workflow_tasks: i64,
    #[serde(default = "hundred")]
    max_concurrent_activities: i64,
    #[serde(default = "hundred")]
    max_concurrent_local_activities: i64,
    #[serde(default = "thousand")]
    max_cached_workflows: i64,
    #[serde(default = "five")]
    workflow_task_pollers: i64,
    #[serde(default = "five")]
    activity_task_pollers: i64,
    #[serde(default)]
    graceful_shutdown_period_ms: i64,
    #[serde(default = "thirty_seconds")]
    default_heartbeat_throttle_interval_ms: i64,
    #[serde(default = "sixty_seconds")]
    max_heartbeat_throttle_interval_ms: i64,
    #[serde(default)]
    max_activities_per_second: Option<f64>,
    #[serde(default)]
    max_task_queue_activities_per_second: Option<f64>,
    #[serde(default)]
    workflow_task_poller_autoscaling: Option<AutoscalingDoc>,
    #[serde(default)]
    activity_task_poller_autoscaling: Option<AutoscalingDoc>,
    #[serde(default = "ten_seconds")]
    sticky_queue_schedule_to_start_timeout_ms: i64,
    #[serde(default)]
    tuner: Option<TunerDoc>,
    #[serde(default)]
    deployment: Option<DeploymentDoc>,
}

fn yes() -> bool {
    true
}
fn five() -> i64 {
    5
}
fn hundred() -> i64 {
    100
}
fn thousand() -> i64 {
    1_000
}
fn ten_seconds() -> i64 {
    10_000
}
fn thirty_seconds() -> i64 {
    30_000
}
fn sixty_seconds() -> i64 {
    60_000
}

fn rate(name: &str, value: Option<f64>) -> Result<Option<f64>, TbError> {
    match value {
        Some(v) if !(v.is_finite() && v > 0.0) => Err(invalid(format!("{name} must be a positive number, got {v}"))),
        other => Ok(other),
    }
}

impl WorkerOptions {
    pub(crate) fn parse(json: &[u8]) -> Result<Self, TbError> {
        serde_json::from_slice(json).map_err(|e| invalid(e.to_string()))
    }

    /// A replayer runs workflows only, whatever the document says about activities.
    pub(crate) fn for_replay(mut self) -> Self {
        (self.workflows, self.activities) = (true, false);
        self
    }

    pub(crate) fn into_config(self) -> Result<WorkerConfig, TbError> {
        self.check_names()?;
        let ms = |name: &str, value: i64| in_range(name, value, 0, MAX_DURATION_MS).map(|v| Duration::from_millis(v as u64));
        let (workflow_pollers, activity_pollers) = (
            poller_behavior("workflow_task_pollers", self.workflow_task_pollers, self.workflow_task_poller_autoscaling)?,
            poller_behavior("activity_task_pollers", self.activity_task_pollers, self.activity_task_poller_autoscaling)?,
        );
        let sticky_timeout = in_range("sticky_queue_schedule_to_start_timeout_ms", self.sticky_queue_schedule_to_start_timeout_ms, 1, MAX_DURATION_MS)?;
        let builder = WorkerConfig::builder()
            .namespace(self.namespace)
            .task_queue(self.task_queue)
            .maybe_client_identity_override(self.identity)
            .versioning_strategy(versioning_strategy(self.deployment, self.build_id)?)
            .task_types(WorkerTaskTypes {
                enable_workflows: self.workflows,
                enable_local_activities: self.workflows,
                enable_remote_activities: self.activities,
                enable_nexus: false,
            })
            .max_cached_workflows(in_range("max_cached_workflows", self.max_cached_workflows, 0, MAX_CACHED)?)
            .workflow_task_poller_behavior(workflow_pollers)
            .activity_task_poller_behavior(activity_pollers)
            .sticky_queue_schedule_to_start_timeout(Duration::from_millis(sticky_timeout as u64))
            // Always set: without it the core never cancels activities on shutdown.
            .graceful_shutdown_period(ms("graceful_shutdown_period_ms", self.graceful_shutdown_period_ms)?)
            .default_heartbeat_throttle_interval(ms("default_heartbeat_throttle_interval_ms", self.default_heartbeat_throttle_interval_ms)?)
            .max_heartbeat_throttle_interval(ms("max_heartbeat_throttle_interval_ms", self.max_heartbeat_throttle_interval_ms)?)
            .maybe_max_worker_activities_per_second(rate("max_activities_per_second", self.max_activities_per_second)?)
            .maybe_max_task_queue_activities_per_second(rate("max_task_queue_activities_per_second", self.max_task_queue_activities_per_second)?);
        // A tuner decides every kind of slots; the core refuses one together with the fixed maximums.
        let config = match self.tuner {
            Some(tuner) => builder.tuner(tuner.into_tuner()?).build(),
            None => builder
                .max_outstanding_workflow_tasks(in_range("max_concurrent_workflow_tasks", self.max_concurrent_workflow_tasks, 1, MAX_SLOTS)?)
                .max_outstanding_activities(in_range("max_concurrent_activities", self.max_concurrent_activities, 1, MAX_SLOTS)?)
                .max_outstanding_local_activities(in_range("max_concurrent_local_activities", self.max_concurrent_local_activities, 1, MAX_SLOTS)?)
                .build(),
        };
        config.map_err(invalid)
    }

    fn check_names(&self) -> Result<(), TbError> {
        if self.namespace.trim().is_empty() {
            return Err(invalid("namespace must not be empty".to_owned()));
        }
        if self.task_queue.trim().is_empty() {
            return Err(invalid("task_queue must not be empty".to_owned()));
        }
        if !self.workflows && !self.activities {
            return Err(invalid("at least one of workflows and activities must be true".to_owned()));
        }
        Ok(())
    }
}
