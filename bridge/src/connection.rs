//! Connection: connect to a Temporal server and make unary RPCs by service and method name.

use crate::http_connect_proxy::HttpConnectProxyConfig;
use crate::retry_options::{self, RetryConfig};
use crate::rpc::{self, CallParts};
use crate::runtime::spawn_operation;
use crate::transport_error::describe_connect;
use crate::{TbBytes, TbCancel, TbCompletion, TbError, TbQueue, cancel::token_of, error::guarded};
use base64::Engine;
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Duration;
use temporalio_client::{ClientTlsOptions, Connection, ConnectionOptions, TlsOptions, Url};

/// A connected client. In-flight RPCs hold clones, so it may be freed at any time.
pub struct TbConnection {
    pub(crate) pid: u32,
    pub(crate) inner: Connection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConnectOptions {
    target: String,
    identity: String,
    #[serde(default = "default_client_name")]
    client_name: String,
    #[serde(default = "default_client_version")]
    client_version: String,
    #[serde(default)]
    api_key: Option<String>,
    #[serde(default)]
    tls: Option<TlsConfig>,
    #[serde(default)]
    metadata: HashMap<String, String>,
    #[serde(default = "retry_options::core_default")]
    retry: Option<RetryConfig>,
    #[serde(default)]
    connect_timeout_ms: u64,
    #[serde(default)]
    http_connect_proxy: Option<HttpConnectProxyConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TlsConfig {
    #[serde(default)]
    server_root_ca_cert: Option<String>,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    client_cert: Option<String>,
    #[serde(default)]
    client_private_key: Option<String>,
}

fn default_client_name() -> String {
    "trueasync-temporal-php".to_owned()
}

fn default_client_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

impl ConnectOptions {
    fn parse(json: &[u8]) -> Result<Self, TbError> {
        let options: Self = serde_json::from_slice(json)
            .map_err(|e| TbError::invalid(format!("invalid connect options: {e}")))?;
        if options.identity.trim().is_empty() {
            return Err(TbError::invalid("invalid connect options: identity must not be empty"));
        }
        Ok(options)
    }

    fn target_url(&self) -> Result<Url, TbError> {
        let target = self.target.trim();
        if target.is_empty() {
            return Err(TbError::invalid("invalid connect options: target address must not be empty"));
        }
        let secure = self.tls.is_some() || self.api_key.is_some();
        let with_scheme = if target.contains("://") {
            target.to_owned()
        } else {
            format!("{}://{target}", if secure { "https" } else { "http" })
        };
        let url = Url::parse(&with_scheme)
            .map_err(|e| TbError::invalid(format!("invalid target address \"{target}\": {e}")))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() || url.port().is_none() {
            return Err(TbError::invalid(format!(
                "invalid target address \"{target}\": expected host:port (optionally with http:// or https://)"
            )));
        }
        Ok(url)
    }

    fn into_core(self) -> Result<ConnectionOptions, TbError> {
        let url = self.target_url()?;
        let (headers, binary_headers) = rpc::split_metadata(&self.metadata)?;
        let tls = self.tls.map(TlsConfig::into_core).transpose()?;
        let retry_options = RetryConfig::into_core(self.retry)?;
        let proxy = self.http_connect_proxy.map(HttpConnectProxyConfig::into_core).transpose()?;
        Ok(ConnectionOptions::new(url)
            .identity(self.identity)
            .client_name(self.client_name)
            .client_version(self.client_version)
            .maybe_api_key(self.api_key)
            .maybe_tls_options(tls)
            .headers(headers)
            .binary_headers(binary_headers)
            .retry_options(retry_options)
            .maybe_connect_timeout((self.connect_timeout_ms > 0).then(|| Duration::from_millis(self.connect_timeout_ms)))
            .maybe_http_connect_proxy(proxy)
            // The runtime's exporter (runtime_options.rs), if PHP configured one; client metrics otherwise off.
            .maybe_metrics_meter(crate::runtime::runtime()?.telemetry().get_temporal_metric_meter())
            // Off, so it never conflicts with a proxy (the core refuses the two together).
            .dns_load_balancing(None)
            .build())
    }
}

impl TlsConfig {
    fn into_core(self) -> Result<TlsOptions, TbError> {
        let root = self.server_root_ca_cert.map(|pem| check_certificates("tls.server_root_ca_cert", pem)).transpose()?;
        let client = match (self.client_cert, self.client_private_key) {
            (None, None) => None,
            (Some(cert), Some(key)) => Some(
                ClientTlsOptions::builder()
                    .client_cert(check_certificates("tls.client_cert", cert)?)
                    .client_private_key(check_private_key(key)?)
                    .build(),
            ),
            _ => return Err(TbError::invalid("invalid TLS options: client_cert and client_private_key go together")),
        };
        let mut options = TlsOptions::default();
        options.server_root_ca_cert = root;
        options.domain = self.domain;
        options.client_tls_options = client;
        Ok(options)
    }
}

// tonic parses PEM only when the first connection is made, and then reports a vague transport
// error; checking here names the offending option.
fn check_certificates(option: &str, pem: String) -> Result<Vec<u8>, TbError> {
    use rustls_pki_types::{CertificateDer, pem::PemObject};
    let certs: Result<Vec<_>, _> = CertificateDer::pem_slice_iter(pem.as_bytes()).collect();
    match certs {
        Ok(certs) if !certs.is_empty() => Ok(pem.into_bytes()),
        Ok(_) => Err(TbError::invalid(format!("invalid TLS options: {option} contains no PEM certificate"))),
        Err(e) => Err(TbError::invalid(format!("invalid TLS options: {option} is not valid PEM: {e}"))),
    }
}

fn check_private_key(pem: String) -> Result<Vec<u8>, TbError> {
    use rustls_pki_types::{PrivateKeyDer, pem::PemObject};
    PrivateKeyDer::from_pem_slice(pem.as_bytes())
        .map(|_| pem.into_bytes())
        .map_err(|e| TbError::invalid(format!("invalid TLS options: tls.client_private_key is not a PEM private key: {e}")))
}

/// Connects; the completion carries the connection (`tb_completion_take_connection`), or a
/// `TB_STATUS_ERROR` whose message says why the server could not be reached.
///
/// # Safety
/// `queue` must be live; `options_json` readable for the call; `cancel` live or NULL. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_connection_connect(
    queue: *const TbQueue,
    op_id: u64,
    options_json: TbBytes,
    cancel: *const TbCancel,
) -> *mut TbError {
    guarded(|| {
        let queue = unsafe { &*queue }.0.clone();
        if queue.is_foreign() {
            return Err(TbError::forked("completion queue"));
        }
        let options = ConnectOptions::parse(unsafe { options_json.as_slice() })?.into_core()?;
        let cancel = unsafe { token_of(cancel) };
        spawn_operation(queue, op_id, async move {
            tokio::select! {
                connected = Connection::connect(options) => match connected {
                    Ok(inner) => TbCompletion::connected(op_id, TbConnection { pid: std::process::id(), inner }),
                    Err(e) => TbCompletion::error(op_id, format!("cannot connect to Temporal: {}", describe_connect(&e))),
                },
                _ = cancel.cancelled() => TbCompletion::cancelled(op_id),
            }
        })
    })
}

/// Starts a unary RPC. Rejected at once (no completion) for an unknown service or method, request
/// bytes that are not the method's request message, or invalid metadata.
///
/// # Safety
/// `connection` and `queue` must be live; byte inputs readable for the call; `cancel` live or NULL.
/// PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_connection_rpc(
    connection: *const TbConnection,
    queue: *const TbQueue,
    op_id: u64,
    service: TbBytes,
    method: TbBytes,
    request: TbBytes,
    timeout_ms: u64,
    retry: bool,
    metadata_json: TbBytes,
    cancel: *const TbCancel,
) -> *mut TbError {
    guarded(|| {
        let connection = unsafe { &*connection };
        let queue = unsafe { &*queue }.0.clone();
        if connection.pid != std::process::id() {
            return Err(TbError::forked("connection"));
        }
        if queue.is_foreign() {
            return Err(TbError::forked("completion queue"));
        }
        let (service, method) = unsafe { (service.as_str("service")?, method.as_str("method")?) };
        let call = rpc::prepare(service, method, unsafe { request.as_slice() })?;
        let parts = CallParts::new(timeout_ms, retry, unsafe { metadata_json.as_slice() })?;
        let (inner, cancel) = (connection.inner.clone(), unsafe { token_of(cancel) });
        spawn_operation(queue, op_id, rpc::run(call, inner, parts, cancel, op_id))
    })
}

/// Drops the caller's reference. Leaked in a process forked after it was made: dropping it would
/// touch the parent's runtime.
///
/// # Safety
/// `connection` must come from `tb_completion_take_connection` and not be freed before. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_connection_free(connection: *mut TbConnection) {
    if connection.is_null() {
        return;
    }
    let connection = unsafe { Box::from_raw(connection) };
    if connection.pid != std::process::id() {
        std::mem::forget(connection);
    }
}

pub(crate) fn decode_base64(key: &str, value: &str) -> Result<Vec<u8>, TbError> {
    base64::engine::general_purpose::STANDARD
        .decode(value)
        .map_err(|e| TbError::invalid(format!("metadata \"{key}\" ends in -bin but its value is not base64: {e}")))
}
