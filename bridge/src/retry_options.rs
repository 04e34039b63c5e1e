//! The connect options' "retry": how the core retries a call that failed with a transient gRPC status.

use crate::TbError;
use serde::Deserialize;
use std::time::Duration;
use temporalio_client::RetryOptions;

/// `null`: no retries; absent: the core's defaults. `max_retries` counts retries after the first attempt
/// (the PHP API's meaning); the core counts attempts, first included, with 0 meaning unlimited.
#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct RetryConfig {
    initial_interval_ms: u64,
    randomization_factor: f64,
    multiplier: f64,
    max_interval_ms: u64,
    /// null: no limit
    max_elapsed_time_ms: Option<u64>,
    /// null: no limit
    max_retries: Option<u64>,
}

/// What an absent "retry" means: the core's retrying client as it comes.
pub(crate) fn core_default() -> Option<RetryConfig> {
    let core = RetryOptions::default();
    Some(RetryConfig {
        initial_interval_ms: core.initial_interval.as_millis() as u64,
        randomization_factor: core.randomization_factor,
        multiplier: core.multiplier,
        max_interval_ms: core.max_interval.as_millis() as u64,
        max_elapsed_time_ms: core.max_elapsed_time.map(|d| d.as_millis() as u64),
        max_retries: Some((core.max_retries as u64).saturating_sub(1)),
    })
}

impl RetryConfig {
    /// The core's options; `None` becomes the core's no-retry policy.
    pub(crate) fn into_core(config: Option<Self>) -> Result<RetryOptions, TbError> {
        let Some(config) = config else {
            return Ok(RetryOptions::no_retries());
        };
        config.validate()?;
        // A count past usize is as good as unlimited (0 to the core).
        let attempts = config.max_retries.map_or(0, |retries| usize::try_from(retries.saturating_add(1)).unwrap_or(0));
        Ok(RetryOptions::builder()
            .initial_interval(Duration::from_millis(config.initial_interval_ms))
            .randomization_factor(config.randomization_factor)
            .multiplier(config.multiplier)
            .max_interval(Duration::from_millis(config.max_interval_ms))
            .max_elapsed_time(config.max_elapsed_time_ms.map(Duration::from_millis))
            .max_retries(attempts)
            .build())
    }

    fn validate(&self) -> Result<(), TbError> {
        let fail = |what: &str| Err(TbError::invalid(format!("invalid connect options: retry.{what}")));
        if !(0.0..=1.0).contains(&self.randomization_factor) {
            return fail(&format!("randomization_factor must be in [0, 1], got {}", self.randomization_factor));
        }
        if !self.multiplier.is_finite() || self.multiplier < 1.0 {
            return fail(&format!("multiplier must be a finite number >= 1, got {}", self.multiplier));
        }
        if self.max_interval_ms < self.initial_interval_ms {
            return fail(&format!(
                "max_interval_ms ({}) must not be less than initial_interval_ms ({})",
                self.max_interval_ms, self.initial_interval_ms
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(json: &str) -> Result<RetryOptions, String> {
        let parsed: Option<RetryConfig> = serde_json::from_str(json).map_err(|e| e.to_string())?;
        RetryConfig::into_core(parsed).map_err(|e| format!("{e:?}"))
    }

    const FULL: &str = r#"{"initial_interval_ms":250,"randomization_factor":0.5,"multiplier":2.0,
        "max_interval_ms":4000,"max_elapsed_time_ms":null,"max_retries":3}"#;

    #[test]
    fn null_is_the_cores_no_retry_policy() {
        assert_eq!(config("null").unwrap(), RetryOptions::no_retries());
    }

    #[test]
    fn every_field_reaches_the_core_and_retries_become_attempts() {
        let core = config(FULL).unwrap();
        assert_eq!(core.initial_interval, Duration::from_millis(250));
        assert_eq!(core.randomization_factor, 0.5);
        assert_eq!(core.multiplier, 2.0);
        assert_eq!(core.max_interval, Duration::from_secs(4));
        assert_eq!(core.max_elapsed_time, None);
        assert_eq!(core.max_retries, 4, "3 retries are 4 attempts");
    }

    #[test]
    fn zero_retries_is_one_attempt_and_no_limit_is_the_cores_zero() {
        assert_eq!(config(&FULL.replace(r#""max_retries":3"#, r#""max_retries":0"#)).unwrap().max_retries, 1);
        assert_eq!(config(&FULL.replace(r#""max_retries":3"#, r#""max_retries":null"#)).unwrap().max_retries, 0);
    }

    #[test]
    fn the_default_is_the_cores() {
        assert_eq!(RetryConfig::into_core(core_default()).unwrap(), RetryOptions::default());
    }

    #[test]
    fn bad_values_are_named() {
        let cases = [
            (r#""randomization_factor":0.5"#, r#""randomization_factor":1.5"#, "retry.randomization_factor"),
            (r#""multiplier":2.0"#, r#""multiplier":0.5"#, "retry.multiplier"),
            (r#""max_interval_ms":4000"#, r#""max_interval_ms":100"#, "retry.max_interval_ms"),
        ];
        for (from, to, named) in cases {
            let message = config(&FULL.replace(from, to)).unwrap_err();
            assert!(message.contains(named), "{message}");
        }
        assert!(config(&FULL.replace(r#""max_retries":3"#, r#""max_retries":-1"#)).is_err());
        assert!(config(&FULL.replace("250", r#""x""#)).is_err());
        assert!(config(r#"{"initial_interval_ms":1}"#).is_err(), "every field is required");
    }
}
