//! What went wrong between the client and the server, said so a user can act on it: a failed TLS handshake
//! names what was wrong with the certificates, and an HTTP answer from a proxy (instead of gRPC) says so,
//! where tonic would report a framing error ("invalid compression flag: 60") or a bare transport error.

use rustls::{AlertDescription, CertificateError, Error as TlsError, InvalidMessage};
use std::error::Error;
use temporalio_client::errors::ClientConnectError;
use temporalio_client::tonic::Status;

/// The message of a failed connect (after "cannot connect to Temporal: ").
pub(crate) fn describe_connect(error: &ClientConnectError) -> String {
    match error {
        ClientConnectError::TonicTransportError(transport) => match find_tls_error(transport) {
            Some(tls) => describe_tls(tls),
            None => {
                let text = causes(transport);
                describe_proxy_refusal(&text).unwrap_or(text)
            }
        },
        ClientConnectError::SystemInfoCallError(status) => {
            if let Some(tls) = status.source().and_then(find_tls_error) {
                return describe_tls(tls);
            }
            match describe_http_answer(status.message()) {
                Some(answer) => format!("the server answered GetSystemInfo with {answer}"),
                None => format!("the server answered GetSystemInfo with {:?}: {}", status.code(), status.message()),
            }
        }
        other => other.to_string(),
    }
}

/// The message of a failed call: the status message, unless it was an HTTP answer instead of gRPC.
pub(crate) fn describe_status_message(message: &str) -> String {
    match describe_http_answer(message) {
        Some(answer) => format!("the server answered {answer}"),
        None => message.to_owned(),
    }
}

/// The message of a failed call, with the causes tonic keeps out of it: a transport failure's message is its
/// outermost layer only ("client error (Connect)", when the HTTP CONNECT proxy is gone).
pub(crate) fn describe_status(status: &Status) -> String {
    let mut text = describe_status_message(status.message());
    let mut next = status.source();
    while let Some(cause) = next {
        let part = cause.to_string();
        if !part.is_empty() && !text.contains(&part) {
            text = format!("{text}: {part}");
        }
        next = cause.source();
    }
    describe_proxy_refusal(&text).unwrap_or(text)
}

/// The error and its causes, innermost last ("tcp connect error: Connection refused (os error 111)"),
/// instead of the core's Debug dump of the transport error.
fn causes(error: &dyn Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(error);
    while let Some(current) = next {
        let text = current.to_string();
        if !text.is_empty() && parts.last() != Some(&text) {
            parts.push(text);
        }
        next = current.source();
    }
    parts.join(": ")
}

/// The rustls error in an error's causes. TLS streams report it inside an io::Error, whose source() skips
/// the error it wraps, so each io::Error is opened as well.
fn find_tls_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a TlsError> {
    let mut next = Some(error);
    while let Some(current) = next {
        if let Some(tls) = current.downcast_ref::<TlsError>() {
            return Some(tls);
        }
        let wrapped = current.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref());
        if let Some(tls) = wrapped.and_then(|inner| inner.downcast_ref::<TlsError>()) {
            return Some(tls);
        }
        next = current.source();
    }
    None
}

fn describe_tls(error: &TlsError) -> String {
    format!("TLS handshake failed: {} ({error})", tls_advice(error))
}

fn tls_advice(error: &TlsError) -> &'static str {
    match error {
        TlsError::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "the server's certificate was not issued by a CA this client trusts; \
             trust the CA that issued it (TlsOptions::withServerRootCaCert)"
        }
        TlsError::InvalidCertificate(CertificateError::NotValidForName)
        | TlsError::InvalidCertificate(CertificateError::NotValidForNameContext { .. }) => {
            "the server's certificate is not valid for the server name this client expects (the address's \
             host, or the name set with TlsOptions::withDomain)"
        }
        TlsError::InvalidCertificate(
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. },
        ) => "the server's certificate has expired or is not valid yet",
        TlsError::InvalidCertificate(_) => "the server's certificate was rejected",
        TlsError::AlertReceived(AlertDescription::CertificateRequired) => {
            "the server requires a client certificate (mutual TLS): set one with TlsOptions::withClientCert"
        }
        TlsError::AlertReceived(
            AlertDescription::BadCertificate
            | AlertDescription::UnknownCA
            | AlertDescription::CertificateUnknown
            | AlertDescription::CertificateExpired
            | AlertDescription::CertificateRevoked
            | AlertDescription::UnsupportedCertificate
            | AlertDescription::AccessDenied,
        ) => "the server did not accept this client's certificate (TlsOptions::withClientCert)",
        TlsError::InvalidMessage(InvalidMessage::InvalidContentType) => {
            "the server did not answer in TLS: is TLS enabled on it, or is this a plaintext address \
             (then connect without TlsOptions and without an API key)?"
        }
        _ => "the TLS connection could not be set up",
    }
}

/// "the HTTP CONNECT proxy refused the tunnel: 407 …: <likely cause>" when the core's proxy connector got a
/// non-2xx answer to its CONNECT (its message is "CONNECT call failed with status: <status>").
fn describe_proxy_refusal(causes: &str) -> Option<String> {
    const MARKER: &str = "CONNECT call failed with status: ";
    let status = causes[causes.find(MARKER)? + MARKER.len()..].split(": ").next()?.trim();
    let code: u16 = status.split_whitespace().next()?.parse().ok()?;
    let advice = match code {
        // 407 by the standard; tinyproxy answers 401.
        401 | 407 => "it did not accept the user and password (ConnectionOptions::withHttpConnectProxy)",
        403 => "it does not allow this client, or tunnels to this server's port",
        502..=504 => "it could not reach the Temporal server",
        _ => "check the proxy's configuration and logs",
    };
    Some(format!("the HTTP CONNECT proxy refused the tunnel: {status}: {advice}"))
}

/// "HTTP 400 Bad Request instead of gRPC: <advice>" when tonic's message says the response was a plain HTTP
/// answer (a proxy's, typically) rather than gRPC: with a body it fails to decode the body as gRPC frames,
/// without one it maps the HTTP status to a gRPC code.
fn describe_http_answer(message: &str) -> Option<String> {
    const WITH_BODY: &str = "while receiving response with status: ";
    const WITHOUT_BODY: &str = "grpc-status header missing, mapped from HTTP status code ";
    let status = [WITH_BODY, WITHOUT_BODY]
        .iter()
        .find_map(|marker| message.find(marker).map(|at| message[at + marker.len()..].trim()))?;
    let code: u16 = status.split_whitespace().next()?.parse().ok()?;
    if code == 200 {
        return None; // a gRPC server's answer after all: the framing error is the message
    }
    Some(format!("HTTP {status} instead of gRPC: {}", http_advice(code)))
}

fn http_advice(code: u16) -> &'static str {
    match code {
        400 => {
            "a proxy in front of Temporal refused the call. A TLS-terminating proxy that requires a client \
             certificate (mutual TLS) answers so when none was sent or it did not accept the one sent \
             (TlsOptions::withClientCert)"
        }
        401 | 403 => {
            "a proxy in front of Temporal did not accept this client's credentials (the API key or the client \
             certificate)"
        }
        404 => "nothing at this address serves the Temporal API: check the address and the proxy's routes",
        429 => "a proxy in front of Temporal is limiting the rate of calls",
        502..=504 => "a proxy in front of Temporal could not reach the server behind it",
        _ => "something that is not a Temporal server (a proxy?) answered the call",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_body_from_a_proxy_is_named_as_an_http_answer() {
        let tonic = "protocol error: received message with invalid compression flag: 60 (valid flags are 0 and 1) \
                     while receiving response with status: 400 Bad Request";
        let text = describe_status_message(tonic);
        assert!(text.starts_with("the server answered HTTP 400 Bad Request instead of gRPC: a proxy"), "{text}");
        assert!(text.contains("client certificate"), "{text}");
    }

    #[test]
    fn an_empty_answer_from_a_proxy_is_named_by_its_status() {
        let text = describe_status_message("grpc-status header missing, mapped from HTTP status code 401");
        assert!(text.starts_with("the server answered HTTP 401 instead of gRPC: "), "{text}");
        assert!(text.contains("credentials"), "{text}");
    }

    #[test]
    fn a_proxy_that_refuses_the_tunnel_is_named_with_its_status() {
        let text = describe_proxy_refusal(
            "transport error: CONNECT call failed with status: 407 Proxy Authentication Required",
        )
        .unwrap();
        assert_eq!(
            text,
            "the HTTP CONNECT proxy refused the tunnel: 407 Proxy Authentication Required: it did not accept the \
             user and password (ConnectionOptions::withHttpConnectProxy)"
        );
        let forbidden = describe_proxy_refusal("CONNECT call failed with status: 403 Forbidden").unwrap();
        let tinyproxy = describe_proxy_refusal("CONNECT call failed with status: 401 Unauthorized").unwrap();
        assert!(tinyproxy.ends_with("401 Unauthorized: it did not accept the user and password \
                                     (ConnectionOptions::withHttpConnectProxy)"), "{tinyproxy}");
        assert!(forbidden.ends_with("403 Forbidden: it does not allow this client, or tunnels to this server's port"));
        assert_eq!(describe_proxy_refusal("transport error: tcp connect error: Connection refused"), None);
    }

    #[test]
    fn a_failed_call_names_the_causes_of_its_transport_error() {
        let refused = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "Connection refused");
        let mut status = Status::unavailable("client error (Connect)");
        status.set_source(std::sync::Arc::new(refused));
        assert_eq!(describe_status(&status), "client error (Connect): Connection refused");
        assert_eq!(describe_status(&Status::not_found("no such workflow")), "no such workflow");
    }

    #[test]
    fn a_grpc_status_message_is_kept() {
        assert_eq!(describe_status_message("namespace nope not found"), "namespace nope not found");
        let framing = "protocol error: received message with invalid compression flag: 9 (valid flags are 0 and 1) \
                       while receiving response with status: 200 OK";
        assert_eq!(describe_status_message(framing), framing);
    }

    #[test]
    fn a_tls_error_inside_an_io_error_is_found() {
        let io = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            TlsError::InvalidCertificate(CertificateError::UnknownIssuer),
        );
        let found = find_tls_error(&io).map(describe_tls).unwrap();
        assert!(found.starts_with("TLS handshake failed: the server's certificate was not issued by a CA"), "{found}");
        assert!(found.ends_with("(invalid peer certificate: UnknownIssuer)"), "{found}");
        assert!(find_tls_error(&std::io::Error::other("plain")).is_none());
    }

    #[test]
    fn each_kind_of_handshake_failure_gets_its_advice() {
        let cases = [
            (TlsError::InvalidCertificate(CertificateError::NotValidForName), "server name"),
            (TlsError::InvalidCertificate(CertificateError::Expired), "expired"),
            (TlsError::AlertReceived(AlertDescription::CertificateRequired), "requires a client certificate"),
            (TlsError::AlertReceived(AlertDescription::UnknownCA), "did not accept this client's certificate"),
            (TlsError::InvalidMessage(InvalidMessage::InvalidContentType), "did not answer in TLS"),
            (TlsError::DecryptError, "could not be set up"),
        ];
        for (error, advice) in cases {
            let text = describe_tls(&error);
            assert!(text.starts_with("TLS handshake failed: ") && text.contains(advice), "{text}");
        }
    }
}
