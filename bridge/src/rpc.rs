//! Unary RPC by service and method name. The core has no raw-bytes API, so each method is a typed
//! call: `rpc_generated.rs` (generated from the services' .proto files) maps names to the typed
//! trait methods, and this module decodes the request, runs the call and encodes the response.

use crate::connection::decode_base64;
use crate::{TbCompletion, TbError};
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use std::collections::HashMap;
use std::time::Duration;
use temporalio_client::Connection;
use temporalio_client::request_extensions::RetryConfigForCall;
use temporalio_client::tonic::metadata::{AsciiMetadataKey, AsciiMetadataValue, BinaryMetadataKey, BinaryMetadataValue};
use temporalio_client::tonic::{self, Request, Response, Status};
use tokio_util::sync::CancellationToken;

pub(crate) use crate::rpc_generated::prepare;

/// A decoded request bound to its method, waiting for a connection to run on.
pub(crate) type PreparedCall =
    Box<dyn FnOnce(Connection, CallParts) -> BoxFuture<'static, Result<Vec<u8>, Status>> + Send>;

/// Per-call settings applied to the tonic request.
pub(crate) struct CallParts {
    timeout: Option<Duration>,
    retry: bool,
    ascii: Vec<(AsciiMetadataKey, AsciiMetadataValue)>,
    binary: Vec<(BinaryMetadataKey, BinaryMetadataValue)>,
}

impl CallParts {
    pub(crate) fn new(timeout_ms: u64, retry: bool, metadata_json: &[u8]) -> Result<Self, TbError> {
        let metadata: HashMap<String, String> = if metadata_json.is_empty() {
            HashMap::new()
        } else {
            serde_json::from_slice(metadata_json)
                .map_err(|e| TbError::invalid(format!("metadata must be a JSON object of strings: {e}")))?
        };
        let (mut ascii, mut binary) = (Vec::new(), Vec::new());
        for (key, value) in &metadata {
            if key.ends_with("-bin") {
                binary.push((binary_key(key)?, BinaryMetadataValue::from_bytes(&decode_base64(key, value)?)));
            } else {
                ascii.push((ascii_key(key)?, ascii_value(key, value)?));
            }
        }
        let timeout = (timeout_ms > 0).then(|| Duration::from_millis(timeout_ms));
        Ok(Self { timeout, retry, ascii, binary })
    }

    fn apply<T>(self, request: &mut Request<T>) {
        if let Some(timeout) = self.timeout {
            request.set_timeout(timeout);
        }
        if !self.retry {
            request.extensions_mut().insert(RetryConfigForCall(temporalio_client::RetryOptions::no_retries()));
        }
        let metadata = request.metadata_mut();
        for (key, value) in self.ascii {
            metadata.insert(key, value);
        }
        for (key, value) in self.binary {
            metadata.insert_bin(key, value);
        }
    }
}

fn ascii_key(key: &str) -> Result<AsciiMetadataKey, TbError> {
    AsciiMetadataKey::from_bytes(key.as_bytes())
        .map_err(|_| TbError::invalid(format!("metadata key \"{}\" is not a valid gRPC header name", key.escape_default())))
}

fn binary_key(key: &str) -> Result<BinaryMetadataKey, TbError> {
    BinaryMetadataKey::from_bytes(key.as_bytes())
        .map_err(|_| TbError::invalid(format!("metadata key \"{}\" is not a valid gRPC header name", key.escape_default())))
}

fn ascii_value(key: &str, value: &str) -> Result<AsciiMetadataValue, TbError> {
    AsciiMetadataValue::try_from(value).map_err(|_| {
        TbError::invalid(format!("metadata \"{key}\" has a value that is not a valid gRPC header value (printable ASCII, no newlines)"))
    })
}

/// Splits connect-time metadata into the text and binary header maps the core wants, validating both.
pub(crate) fn split_metadata(
    metadata: &HashMap<String, String>,
) -> Result<(HashMap<String, String>, HashMap<String, Vec<u8>>), TbError> {
    let (mut text, mut binary) = (HashMap::new(), HashMap::new());
    for (key, value) in metadata {
        if key.ends_with("-bin") {
            binary_key(key)?;
            binary.insert(key.clone(), decode_base64(key, value)?);
        } else {
            ascii_key(key)?;
            ascii_value(key, value)?;
            text.insert(key.clone(), value.clone());
        }
    }
    Ok((text, binary))
}

/// Binds decoded request bytes to one typed trait method. Used by the generated table.
pub(crate) fn unary<Req, Resp, F>(request_name: &str, request: &[u8], call: F) -> Result<PreparedCall, TbError>
where
    Req: prost::Message + Default + Send + 'static,
    Resp: prost::Message + 'static,
    F: for<'a> FnOnce(&'a mut Connection, Request<Req>) -> BoxFuture<'a, Result<Response<Resp>, Status>>
        + Send
        + 'static,
{
    let message = Req::decode(request)
        .map_err(|e| TbError::invalid(format!("request bytes are not a valid {request_name}: {e}")))?;
    Ok(Box::new(move |mut connection: Connection, parts: CallParts| {
        async move {
            let mut request = Request::new(message);
            parts.apply(&mut request);
            let response = call(&mut connection, request).await?;
            Ok(response.into_inner().encode_to_vec())
        }
        .boxed()
    }))
}

pub(crate) fn unknown(service: &str, method: &str) -> TbError {
    match crate::rpc_generated::SERVICES.contains(&service) {
        true => TbError::invalid(format!("unknown method \"{method}\" of {service}")),
        false => TbError::invalid(format!(
            "unknown service \"{service}\" (expected one of: {})",
            crate::rpc_generated::SERVICES.join(", ")
        )),
    }
}

pub(crate) fn streaming(service: &str, method: &str) -> TbError {
    TbError::invalid(format!("{service}.{method} is a streaming rpc; only unary rpcs are supported"))
}

/// The accepted call's future: its outcome becomes the completion.
pub(crate) async fn run(
    call: PreparedCall,
    connection: Connection,
    parts: CallParts,
    cancel: CancellationToken,
    op_id: u64,
) -> TbCompletion {
    // The deadline covers the core's retries too, not only each attempt.
    let (limit, started) = (parts.timeout, tokio::time::Instant::now());
    let outcome = async move {
        match limit {
            Some(limit) => tokio::time::timeout(limit, call(connection, parts))
                .await
                .unwrap_or_else(|_| Err(Status::deadline_exceeded("rpc timeout exceeded"))),
            None => call(connection, parts).await,
        }
    };
    tokio::select! {
        result = outcome => match result {
            Ok(bytes) => TbCompletion::ok(op_id, bytes),
            Err(status) => grpc_error(op_id, past_deadline(status, limit, started)),
        },
        _ = cancel.cancelled() => TbCompletion::cancelled(op_id),
    }
}

/// tonic reports its own per-attempt timeout as CANCELLED ("Timeout expired"), and a stream reset at the
/// deadline as CANCELLED too; the caller asked for a deadline, so it gets DEADLINE_EXCEEDED.
fn past_deadline(status: Status, limit: Option<Duration>, started: tokio::time::Instant) -> Status {
    match limit {
        Some(limit) if status.code() == tonic::Code::Cancelled && started.elapsed() >= limit => {
            Status::deadline_exceeded(format!("rpc timeout exceeded ({})", status.message()))
        }
        _ => status,
    }
}

fn grpc_error(op_id: u64, status: tonic::Status) -> TbCompletion {
    let message = crate::transport_error::describe_status(&status);
    TbCompletion::grpc_error(op_id, status.code() as i32, message, status.details().to_vec())
}
