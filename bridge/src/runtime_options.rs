//! What PHP may set about the core runtime, once per process and before the runtime is first used:
//! the metrics exporter (Prometheus scrape endpoint or OTLP push), the metric prefix, the worker
//! heartbeat interval and the level of the core's logs PHP takes. The options are read when the runtime is built (runtime.rs), so they must be
//! stored before; a forked child that did not configure its own keeps them but not the Prometheus
//! endpoint, whose port belongs to the parent.

use crate::{TbBuffer, TbBytes, TbError};
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use temporalio_common::telemetry::metrics::CoreMeter;
use temporalio_common::telemetry::{
    HistogramBucketOverrides, Logger, MetricTemporality, OtelCollectorOptions, OtlpProtocol, PrometheusExporterOptions,
    TelemetryOptions, build_otlp_metric_exporter, start_prometheus_metric_exporter,
};
use temporalio_sdk_core::RuntimeOptions;

/// The runtime options document PHP sends (RuntimeOptions::toArray()).
#[derive(Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuntimeConfig {
    #[serde(default)]
    metric_prefix: Option<String>,
    #[serde(default)]
    prometheus: Option<PrometheusConfig>,
    #[serde(default)]
    otlp: Option<OtlpConfig>,
    /// Absent: the core's default (60 s); 0: no worker heartbeats.
    #[serde(default)]
    worker_heartbeat_interval_ms: Option<u64>,
    /// The lowest level of the core's logs PHP takes (core_logs.rs); absent: the core logs nothing.
    #[serde(default)]
    log_level: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct PrometheusConfig {
    bind_address: String,
    #[serde(default)]
    global_tags: HashMap<String, String>,
    #[serde(default)]
    counters_total_suffix: bool,
    #[serde(default)]
    unit_suffix: bool,
    #[serde(default)]
    durations_as_seconds: bool,
    #[serde(default)]
    histogram_buckets: HashMap<String, Vec<f64>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct OtlpConfig {
    url: String,
    #[serde(default)]
    headers: HashMap<String, String>,
    period_ms: u64,
    #[serde(default)]
    global_tags: HashMap<String, String>,
    #[serde(default)]
    durations_as_seconds: bool,
    #[serde(default)]
    histogram_buckets: HashMap<String, Vec<f64>>,
    /// "cumulative" (default) or "delta"
    #[serde(default)]
    temporality: Option<String>,
    /// "grpc" (default) or "http"
    #[serde(default)]
    protocol: Option<String>,
}

/// The options stored by PHP, with the process that stored them.
struct Stored {
    pid: u32,
    config: RuntimeConfig,
}

static STORED: Mutex<Option<Stored>> = Mutex::new(None);

/// What the runtime reports back once built with the options.
pub(crate) struct Started {
    pub(crate) prometheus_address: Option<SocketAddr>,
}

impl RuntimeConfig {
    fn parse(json: &[u8]) -> Result<Self, TbError> {
        let config: Self =
            serde_json::from_slice(json).map_err(|e| TbError::invalid(format!("invalid runtime options: {e}")))?;
        if config.prometheus.is_some() && config.otlp.is_some() {
            return Err(TbError::invalid("invalid runtime options: choose Prometheus or OTLP, not both"));
        }
        // Checked here, so configure() fails rather than the first use of the runtime.
        config.core_options(None)?;
        if let Some(level) = &config.log_level {
            crate::core_logs::level(level)?;
        }
        if let Some(prometheus) = &config.prometheus {
            prometheus.address()?;
        }
        if let Some(otlp) = &config.otlp {
            otlp.core_options()?;
        }
        Ok(config)
    }

    /// The options this process's runtime is built with: the stored ones, without the Prometheus
    /// endpoint when they were stored by a parent process.
    pub(crate) fn for_this_process() -> Self {
        let stored = STORED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match stored.as_ref() {
            None => Self::default(),
            Some(s) if s.pid == std::process::id() => s.config.clone(),
            Some(s) => Self { prometheus: None, ..s.config.clone() },
        }
    }

    /// The core's logger for these options: the log buffer PHP takes records from, if PHP asked for logs.
    pub(crate) fn logger(&self) -> Result<Option<Logger>, TbError> {
        self.log_level.as_deref().map(crate::core_logs::push_logger).transpose()
    }

    pub(crate) fn core_options(&self, logger: Option<Logger>) -> Result<RuntimeOptions, TbError> {
        let telemetry = TelemetryOptions::builder()
            .maybe_metric_prefix(self.metric_prefix.clone())
            .maybe_logging(logger);
        let heartbeat = match self.worker_heartbeat_interval_ms {
            None => Some(Duration::from_secs(60)),
            Some(0) => None,
            Some(ms) => Some(Duration::from_millis(ms)),
        };
        RuntimeOptions::builder()
            .telemetry_options(telemetry.build())
            .heartbeat_interval(heartbeat)
            .build()
            .map_err(|e| TbError::invalid(format!("invalid runtime options: {e}")))
    }

    /// Starts the metrics exporter; must run inside the runtime's Tokio context.
    pub(crate) fn start_meter(&self) -> Result<(Option<Arc<dyn CoreMeter>>, Started), TbError> {
        if let Some(prometheus) = &self.prometheus {
            let server = start_prometheus_metric_exporter(prometheus.core_options()?).map_err(|e| {
                TbError::invalid(format!("cannot serve Prometheus metrics on {}: {e}", prometheus.bind_address))
            })?;
            let started = Started { prometheus_address: Some(server.bound_addr) };
            return Ok((Some(server.meter as Arc<dyn CoreMeter>), started));
        }
        if let Some(otlp) = &self.otlp {
            let meter = build_otlp_metric_exporter(otlp.core_options()?)
                .map_err(|e| TbError::invalid(format!("cannot export metrics to {}: {e}", otlp.url)))?;
            return Ok((Some(Arc::new(meter) as Arc<dyn CoreMeter>), Started { prometheus_address: None }));
        }
        Ok((None, Started { prometheus_address: None }))
    }
}

impl PrometheusConfig {
    fn address(&self) -> Result<SocketAddr, TbError> {
        self.bind_address.parse().map_err(|_| {
            TbError::invalid(format!(
                "invalid Prometheus bind address \"{}\": expected ip:port, e.g. 127.0.0.1:9464",
                self.bind_address
            ))
        })
    }

    fn core_options(&self) -> Result<PrometheusExporterOptions, TbError> {
        Ok(PrometheusExporterOptions::builder()
            .socket_addr(self.address()?)
            .global_tags(self.global_tags.clone())
            .counters_total_suffix(self.counters_total_suffix)
            .unit_suffix(self.unit_suffix)
            .use_seconds_for_durations(self.durations_as_seconds)
            .histogram_bucket_overrides(HistogramBucketOverrides { overrides: self.histogram_buckets.clone() })
            .build())
    }
}

impl OtlpConfig {
    fn core_options(&self) -> Result<OtelCollectorOptions, TbError> {
        let url = self
            .url
            .parse()
            .map_err(|e| TbError::invalid(format!("invalid OTLP endpoint \"{}\": {e}", self.url)))?;
        if self.period_ms == 0 {
            return Err(TbError::invalid("invalid OTLP export period: it must be positive"));
        }
        let temporality = match self.temporality.as_deref() {
            None | Some("cumulative") => MetricTemporality::Cumulative,
            Some("delta") => MetricTemporality::Delta,
            Some(other) => return Err(TbError::invalid(format!("invalid OTLP temporality \"{other}\""))),
        };
        let protocol = match self.protocol.as_deref() {
            None | Some("grpc") => OtlpProtocol::Grpc,
            Some("http") => OtlpProtocol::Http,
            Some(other) => return Err(TbError::invalid(format!("invalid OTLP protocol \"{other}\""))),
        };
        Ok(OtelCollectorOptions::builder()
            .url(url)
            .headers(self.headers.clone())
            .metric_periodicity(Duration::from_millis(self.period_ms))
            .metric_temporality(temporality)
            .global_tags(self.global_tags.clone())
            .use_seconds_for_durations(self.durations_as_seconds)
            .histogram_bucket_overrides(HistogramBucketOverrides { overrides: self.histogram_buckets.clone() })
            .protocol(protocol)
            .build())
    }
}

/// Stores the options and builds this process's runtime with them at once, so a port in use or a bad
/// endpoint fails here. On success `*result_json` is `{"prometheus_address": "ip:port" | null}`, the
/// address actually bound (port 0 picks a free one); the caller frees it with `tb_buffer_free`.
/// A runtime already built in this process is an ALREADY_STARTED error, and nothing is stored.
///
/// # Safety
/// `options_json` readable for the call; `result_json` writable. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_runtime_configure(options_json: TbBytes, result_json: *mut *mut TbBuffer) -> *mut TbError {
    crate::error::guarded(|| {
        let config = RuntimeConfig::parse(unsafe { options_json.as_slice() })?;
        if crate::runtime::current_handle().is_some() {
            return Err(TbError::already_started());
        }
        let previous = STORED
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .replace(Stored { pid: std::process::id(), config });
        let started = match crate::runtime::start() {
            Ok(started) => started,
            Err(error) => {
                *STORED.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = previous;
                return Err(error);
            }
        };
        let address = started.prometheus_address.map(|a| a.to_string());
        let json = serde_json::json!({ "prometheus_address": address });
        unsafe { *result_json = TbBuffer::into_raw(json.to_string().into_bytes()) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: serde_json::Value) -> Result<RuntimeConfig, String> {
        RuntimeConfig::parse(json.to_string().as_bytes()).map_err(|e| e.message().to_string())
    }

    #[test]
    fn an_empty_document_is_the_cores_defaults() {
        let config = parse(serde_json::json!({})).unwrap();
        assert!(config.prometheus.is_none() && config.otlp.is_none());
        assert!(config.core_options(None).is_ok());
    }

    #[test]
    fn bad_options_are_named() {
        let cases = [
            (serde_json::json!({"worker_heartbeat_interval_ms": 500}), "must be between 1s and 60s"),
            (serde_json::json!({"prometheus": {"bind_address": "localhost"}}), "invalid Prometheus bind address"),
            (serde_json::json!({"otlp": {"url": "not a url", "period_ms": 1000}}), "invalid OTLP endpoint"),
            (serde_json::json!({"otlp": {"url": "http://127.0.0.1:4317", "period_ms": 0}}), "must be positive"),
            (
                serde_json::json!({"otlp": {"url": "http://x:1", "period_ms": 1, "temporality": "weekly"}}),
                "invalid OTLP temporality",
            ),
            (
                serde_json::json!({"prometheus": {"bind_address": "127.0.0.1:0"},
                                   "otlp": {"url": "http://127.0.0.1:4317", "period_ms": 1000}}),
                "not both",
            ),
            (serde_json::json!({"colour": "blue"}), "unknown field"),
            (serde_json::json!({"log_level": "LOUD"}), "unknown log level"),
        ];
        for (json, expected) in cases {
            let message = parse(json.clone()).err().unwrap_or_default();
            assert!(message.contains(expected), "{json}: {message}");
        }
    }

    #[test]
    fn zero_turns_worker_heartbeats_off() {
        let config = parse(serde_json::json!({"worker_heartbeat_interval_ms": 0})).unwrap();
        assert!(config.core_options(None).is_ok());
    }
}
