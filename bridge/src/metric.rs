//! Custom metrics: instruments PHP code creates on the runtime's meter (runtime_options.rs), exported with
//! the core's own metrics and without their prefix. Without an exporter an instrument records nothing.
//! Synchronous: recording only updates the exporter's in-memory state.

use crate::{TbBytes, TbError};
use std::collections::BTreeMap;
use temporalio_common::telemetry::metrics::{
    Counter, GaugeF64, HistogramF64, MetricAttributes, MetricKeyValue, MetricParameters, MetricValue,
    NewAttributes, TemporalMeter,
};

pub const TB_METRIC_COUNTER: u32 = 1;
pub const TB_METRIC_HISTOGRAM: u32 = 2;
pub const TB_METRIC_GAUGE: u32 = 3;

enum Instrument {
    Counter(Counter),
    Histogram(HistogramF64),
    Gauge(GaugeF64),
}

/// One instrument, owned by the PHP object that created it.
pub struct TbMetric {
    pid: u32,
    kind: u32,
    meter: TemporalMeter,
    instrument: Option<Instrument>,
}

/// A label value as PHP sends it.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
}

impl TbMetric {
    fn new(kind: u32, params: MetricParameters) -> Result<Self, TbError> {
        let meter = crate::runtime::runtime()?.telemetry().get_metric_meter();
        let instrument = match (&meter, kind) {
            (_, k) if !(TB_METRIC_COUNTER..=TB_METRIC_GAUGE).contains(&k) => {
                return Err(TbError::invalid(format!("unknown metric kind {k}")));
            }
            (None, _) => None,
            (Some(m), TB_METRIC_COUNTER) => Some(Instrument::Counter(m.counter(params))),
            (Some(m), TB_METRIC_HISTOGRAM) => Some(Instrument::Histogram(m.histogram_f64(params))),
            (Some(m), _) => Some(Instrument::Gauge(m.gauge_f64(params))),
        };
        Ok(Self { pid: std::process::id(), kind, meter: meter.unwrap_or_else(TemporalMeter::no_op), instrument })
    }

    fn record(&self, value: f64, attributes: &[u8]) -> Result<(), TbError> {
        if self.pid != std::process::id() {
            return Err(TbError::forked("metric"));
        }
        // Checked with or without an exporter, so code that works unexported works exported.
        let whole = value >= 0.0 && value.fract() == 0.0 && value < u64::MAX as f64;
        if self.kind == TB_METRIC_COUNTER && !whole {
            return Err(TbError::invalid(format!("a counter adds whole numbers of 0 or more, not {value}")));
        }
        if !value.is_finite() {
            return Err(TbError::invalid(format!("a metric value must be finite, not {value}")));
        }
        let attributes = self.attributes(attributes)?;
        match &self.instrument {
            None => {}
            Some(Instrument::Counter(counter)) => counter.add(value as u64, &attributes),
            Some(Instrument::Histogram(histogram)) => histogram.record(value, &attributes),
            Some(Instrument::Gauge(gauge)) => gauge.record(value, &attributes),
        }
        Ok(())
    }

    /// The meter's own attributes (service_name) extended with a JSON object of labels.
    fn attributes(&self, json: &[u8]) -> Result<MetricAttributes, TbError> {
        let labels: BTreeMap<String, Value> = if json.is_empty() {
            BTreeMap::new()
        } else {
            serde_json::from_slice(json).map_err(|e| TbError::invalid(format!("invalid metric attributes: {e}")))?
        };
        let kvs = labels.into_iter().map(|(key, value)| {
            let value = match value {
                Value::Bool(b) => MetricValue::Bool(b),
                Value::Int(i) => MetricValue::Int(i),
                Value::Float(f) => MetricValue::Float(f),
                Value::String(s) => MetricValue::String(s),
            };
            MetricKeyValue::new(key, value)
        });
        Ok(self.meter.extend_attributes(self.meter.get_default_attributes().clone(), NewAttributes::new(kvs.collect())))
    }
}

/// Creates an instrument of `kind` (TB_METRIC_*) on this process's runtime, starting the runtime if needed.
/// The caller owns `*metric` and frees it with `tb_metric_free`.
///
/// # Safety
/// Byte inputs readable for the call; `metric` writable. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_metric_new(
    kind: u32,
    name: TbBytes,
    description: TbBytes,
    unit: TbBytes,
    metric: *mut *mut TbMetric,
) -> *mut TbError {
    crate::error::guarded(|| {
        let text = |bytes: TbBytes, what: &str| {
            String::from_utf8(unsafe { bytes.as_slice() }.to_vec())
                .map_err(|_| TbError::invalid(format!("the metric's {what} is not UTF-8")))
        };
        let params = MetricParameters::builder()
            .name(text(name, "name")?)
            .description(text(description, "description")?)
            .unit(text(unit, "unit")?)
            .build();
        unsafe { *metric = Box::into_raw(Box::new(TbMetric::new(kind, params)?)) };
        Ok(())
    })
}

/// Adds `value` to a counter, or records it in a histogram or gauge, with `attributes_json` (a JSON object of
/// label names to strings, numbers or booleans; empty for none).
///
/// # Safety
/// `metric` live; `attributes_json` readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_metric_record(metric: *const TbMetric, value: f64, attributes_json: TbBytes) -> *mut TbError {
    crate::error::guarded(|| unsafe { &*metric }.record(value, unsafe { attributes_json.as_slice() }))
}

/// # Safety
/// `metric` from `tb_metric_new`, not freed before; NULL is a no-op. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_metric_free(metric: *mut TbMetric) {
    if !metric.is_null() {
        drop(unsafe { Box::from_raw(metric) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(kind: u32) -> TbMetric {
        TbMetric::new(kind, MetricParameters::builder().name("bridge_test").build()).unwrap()
    }

    #[test]
    fn without_an_exporter_an_instrument_records_nothing_but_still_checks_its_input() {
        let counter = metric(TB_METRIC_COUNTER);
        assert!(counter.instrument.is_none());
        assert!(counter.record(1.0, br#"{"a": "b"}"#).is_ok());
        assert!(counter.record(-1.0, b"").is_err(), "checked without an exporter too");
        assert!(metric(TB_METRIC_GAUGE).record(f64::NAN, b"").is_err());
        assert!(TbMetric::new(9, MetricParameters::builder().name("x").build()).is_err());
    }

    #[test]
    fn labels_are_a_json_object_of_scalars() {
        let counter = metric(TB_METRIC_COUNTER);
        assert!(counter.attributes(br#"{"s": "x", "i": 1, "f": 1.5, "b": true}"#).is_ok());
        assert!(counter.attributes(b"").is_ok());
        let error = counter.attributes(br#"{"nested": {"a": 1}}"#).err().unwrap();
        assert!(error.message().contains("invalid metric attributes"), "{}", error.message());
    }
}
