//! The tuning parts of the worker options document: how many pollers (a fixed maximum, or the core's
//! autoscaling) and how many slots of each kind (fixed, or the core's resource-based tuner), checked here
//! so every bad value is named in the error.

use crate::TbError;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use temporalio_sdk_core::{
    PollerBehavior, ResourceBasedSlotsOptions, ResourceBasedTunerConfig, ResourceSlotOptions, SlotKind,
    SlotSupplierOptions, TunerHolder, TunerHolderOptions, WorkerTuner,
};

pub(crate) const MAX_SLOTS: i64 = 100_000;
pub(crate) const MAX_POLLERS: i64 = 1_000;
const MAX_RAMP_MS: i64 = 3_600_000;

pub(crate) fn invalid(message: String) -> TbError {
    TbError::invalid(format!("invalid worker options: {message}"))
}

// Signed on purpose: a negative value gets this named error rather than serde's unnamed type error.
pub(crate) fn in_range(name: &str, value: i64, min: i64, max: i64) -> Result<usize, TbError> {
    if value < min || value > max {
        return Err(invalid(format!("{name} must be between {min} and {max}, got {value}")));
    }
    Ok(value as usize)
}

/// Poller autoscaling bounds: `{"minimum": 1, "maximum": 100, "initial": 5}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AutoscalingDoc {
    minimum: i64,
    maximum: i64,
    initial: i64,
}

/// A fixed maximum of pollers, or autoscaling between the bounds given.
pub(crate) fn poller_behavior(name: &str, maximum: i64, autoscaling: Option<AutoscalingDoc>) -> Result<PollerBehavior, TbError> {
    let Some(a) = autoscaling else {
        return Ok(PollerBehavior::SimpleMaximum(in_range(name, maximum, 1, MAX_POLLERS)?));
    };
    let minimum = in_range(&format!("{name} autoscaling minimum"), a.minimum, 1, MAX_POLLERS)?;
    let maximum = in_range(&format!("{name} autoscaling maximum"), a.maximum, a.minimum.max(1), MAX_POLLERS)?;
    let initial = in_range(&format!("{name} autoscaling initial"), a.initial, a.minimum, a.maximum)?;
    Ok(PollerBehavior::Autoscaling { minimum, maximum, initial })
}

/// One kind of slots: `{"fixed": 10}` or `{"resource_based": {"min_slots": 1, "max_slots": 50, "ramp_throttle_ms": 50}}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub(crate) enum SlotsDoc {
    Fixed(i64),
    ResourceBased { min_slots: i64, max_slots: i64, ramp_throttle_ms: i64 },
}

/// The slots of every kind, and the resource targets that the resource-based kinds aim at.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TunerDoc {
    workflow_slots: SlotsDoc,
    activity_slots: SlotsDoc,
    local_activity_slots: SlotsDoc,
    #[serde(default)]
    target_memory_usage: Option<f64>,
    #[serde(default)]
    target_cpu_usage: Option<f64>,
}

fn slots<SK: SlotKind>(name: &str, doc: SlotsDoc) -> Result<SlotSupplierOptions<SK>, TbError> {
    Ok(match doc {
        SlotsDoc::Fixed(n) => SlotSupplierOptions::FixedSize { slots: in_range(name, n, 1, MAX_SLOTS)? },
        SlotsDoc::ResourceBased { min_slots, max_slots, ramp_throttle_ms } => {
            let min = in_range(&format!("{name} min_slots"), min_slots, 0, MAX_SLOTS)?;
            let max = in_range(&format!("{name} max_slots"), max_slots, min_slots.max(1), MAX_SLOTS)?;
            let ramp = in_range(&format!("{name} ramp_throttle_ms"), ramp_throttle_ms, 0, MAX_RAMP_MS)?;
            SlotSupplierOptions::ResourceBased(ResourceSlotOptions::new(min, max, Duration::from_millis(ramp as u64)))
        }
    })
}

fn target(name: &str, value: Option<f64>) -> Result<f64, TbError> {
    match value {
        Some(v) if v > 0.0 && v <= 1.0 => Ok(v),
        Some(v) => Err(invalid(format!("{name} must be above 0 and at most 1, got {v}"))),
        None => Err(invalid(format!("{name} is required when a kind of slots is resource-based"))),
    }
}

impl TunerDoc {
    pub(crate) fn into_tuner(self) -> Result<Arc<dyn WorkerTuner + Send + Sync>, TbError> {
        let resource_based = [&self.workflow_slots, &self.activity_slots, &self.local_activity_slots]
            .iter()
            .any(|s| matches!(s, SlotsDoc::ResourceBased { .. }));
        let resource_based_config = if resource_based {
            let options = ResourceBasedSlotsOptions::builder()
                .target_mem_usage(target("tuner target_memory_usage", self.target_memory_usage)?)
                .target_cpu_usage(target("tuner target_cpu_usage", self.target_cpu_usage)?)
                .build();
            Some(ResourceBasedTunerConfig::Options(options))
        } else {
            None
        };
        let holder: TunerHolder = TunerHolderOptions::builder()
            .workflow_slot_options(slots("tuner workflow_slots", self.workflow_slots)?)
            .activity_slot_options(slots("tuner activity_slots", self.activity_slots)?)
            .local_activity_slot_options(slots("tuner local_activity_slots", self.local_activity_slots)?)
            .maybe_resource_based_config(resource_based_config)
            .build_tuner_holder()
            .map_err(|e| invalid(e.to_string()))?;
        Ok(Arc::new(holder))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tuner(json: &str) -> Result<Arc<dyn WorkerTuner + Send + Sync>, TbError> {
        serde_json::from_str::<TunerDoc>(json).expect("parses").into_tuner()
    }

    fn message<T>(result: Result<T, TbError>) -> String {
        match result {
            Ok(_) => panic!("accepted"),
            Err(e) => e.message().to_owned(),
        }
    }

    #[test]
    fn autoscaling_bounds_are_checked_and_named() {
        let doc = |min, max, initial| Some(AutoscalingDoc { minimum: min, maximum: max, initial });
        assert!(poller_behavior("activity_task_pollers", 5, doc(1, 10, 3)).unwrap().is_autoscaling());
        assert!(message(poller_behavior("activity_task_pollers", 5, doc(0, 10, 3))).contains("activity_task_pollers autoscaling minimum must be between 1 and 1000, got 0"));
        assert!(message(poller_behavior("activity_task_pollers", 5, doc(4, 2, 3))).contains("autoscaling maximum must be between 4 and 1000, got 2"));
        assert!(message(poller_behavior("workflow_task_pollers", 5, doc(2, 10, 11))).contains("workflow_task_pollers autoscaling initial must be between 2 and 10, got 11"));
        assert!(!poller_behavior("workflow_task_pollers", 5, None).unwrap().is_autoscaling());
    }

    #[test]
    fn a_resource_based_kind_needs_both_targets_in_range() {
        let fixed = r#"{"workflow_slots": {"fixed": 2}, "activity_slots": {"fixed": 3}, "local_activity_slots": {"fixed": 4}}"#;
        assert!(tuner(fixed).is_ok());
        let resource = |targets: &str| format!(
            r#"{{"workflow_slots": {{"fixed": 2}}, "activity_slots": {{"resource_based": {{"min_slots": 1, "max_slots": 5, "ramp_throttle_ms": 50}}}}, "local_activity_slots": {{"fixed": 4}}{targets}}}"#
        );
        assert!(tuner(&resource(r#", "target_memory_usage": 0.8, "target_cpu_usage": 0.9"#)).is_ok());
        assert!(message(tuner(&resource(""))).contains("tuner target_memory_usage is required"));
        assert!(message(tuner(&resource(r#", "target_memory_usage": 0.8, "target_cpu_usage": 1.5"#))).contains("tuner target_cpu_usage must be above 0 and at most 1, got 1.5"));
    }

    #[test]
    fn slot_ranges_are_checked_and_named() {
        let with_activity = |slots: &str| format!(
            r#"{{"workflow_slots": {{"fixed": 2}}, "activity_slots": {slots}, "local_activity_slots": {{"fixed": 4}}, "target_memory_usage": 0.5, "target_cpu_usage": 0.5}}"#
        );
        assert!(message(tuner(&with_activity(r#"{"fixed": 0}"#))).contains("tuner activity_slots must be between 1 and 100000, got 0"));
        assert!(message(tuner(&with_activity(r#"{"resource_based": {"min_slots": 5, "max_slots": 2, "ramp_throttle_ms": 0}}"#))).contains("tuner activity_slots max_slots must be between 5 and 100000, got 2"));
        assert!(message(tuner(&with_activity(r#"{"resource_based": {"min_slots": 1, "max_slots": 2, "ramp_throttle_ms": -1}}"#))).contains("ramp_throttle_ms must be between 0 and 3600000, got -1"));
    }
}
