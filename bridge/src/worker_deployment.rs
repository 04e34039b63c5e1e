//! The worker options document's `deployment`: Worker Deployment versioning (the deployment and build this
//! worker is a version of, whether it opts in to versioned routing, and the default versioning behaviour of
//! its workflows), translated to the core's versioning strategy.

use crate::worker_tuning::invalid;
use crate::TbError;
use serde::Deserialize;
use temporalio_common::worker::{VersioningBehavior, WorkerDeploymentOptions, WorkerDeploymentVersion};
use temporalio_sdk_core::WorkerVersioningStrategy;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeploymentDoc {
    deployment_name: String,
    build_id: String,
    #[serde(default)]
    use_worker_versioning: bool,
    /// 0: none (each workflow type says), 1: pinned, 2: auto-upgrade (temporal.api.enums.v1.VersioningBehavior).
    #[serde(default)]
    default_versioning_behavior: i32,
}

/// The strategy for a worker with a deployment document, else for one with at most a build id.
pub(crate) fn versioning_strategy(deployment: Option<DeploymentDoc>, build_id: Option<String>) -> Result<WorkerVersioningStrategy, TbError> {
    let Some(d) = deployment else {
        return Ok(WorkerVersioningStrategy::None { build_id: build_id.unwrap_or_default() });
    };
    if build_id.is_some() {
        return Err(invalid("build_id and deployment exclude each other: the deployment names the build".to_owned()));
    }
    if d.deployment_name.trim().is_empty() || d.build_id.trim().is_empty() {
        return Err(invalid("deployment deployment_name and build_id must not be empty".to_owned()));
    }
    let behavior = match d.default_versioning_behavior {
        0 => None,
        1 => Some(VersioningBehavior::Pinned),
        2 => Some(VersioningBehavior::AutoUpgrade),
        other => return Err(invalid(format!("deployment default_versioning_behavior must be 0, 1 or 2, got {other}"))),
    };
    let version = WorkerDeploymentVersion::builder().deployment_name(d.deployment_name).build_id(d.build_id).build();
    Ok(WorkerVersioningStrategy::WorkerDeploymentBased(
        WorkerDeploymentOptions::new(version)
            .use_worker_versioning(d.use_worker_versioning)
            .maybe_default_versioning_behavior(behavior)
            .build(),
    ))
}
