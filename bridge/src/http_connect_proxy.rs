//! The "http_connect_proxy" of the connect options: the core tunnels the connection through an HTTP CONNECT
//! proxy (temporalio-client's `HttpConnectProxyOptions`); the bridge only checks and maps the option.

use crate::TbError;
use serde::Deserialize;
use temporalio_client::HttpConnectProxyOptions;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HttpConnectProxyConfig {
    address: String,
    #[serde(default)]
    basic_auth_user: Option<String>,
    #[serde(default)]
    basic_auth_password: Option<String>,
}

impl HttpConnectProxyConfig {
    /// The core's option. PHP checks the same earlier, with the PHP option's name; this guards the document.
    /// No message names the password.
    pub(crate) fn into_core(self) -> Result<HttpConnectProxyOptions, TbError> {
        let address = self.address.trim();
        let Some((host, port)) = address.rsplit_once(':') else {
            return Err(invalid(format!("the address \"{address}\" is not host:port")));
        };
        if host.is_empty() || host.contains('/') || port.parse::<u16>().map_or(true, |port| port == 0) {
            return Err(invalid(format!("the address \"{address}\" is not host:port")));
        }
        let basic_auth = match (self.basic_auth_user, self.basic_auth_password) {
            (None, None) => None,
            (Some(user), Some(password)) if !user.is_empty() && !user.contains(':') && !password.is_empty() => {
                Some((user, password))
            }
            _ => return Err(invalid("basic auth needs a user (without \":\") and a password, both non-empty".to_owned())),
        };
        Ok(HttpConnectProxyOptions::new(address.to_owned()).maybe_basic_auth(basic_auth).build())
    }
}

fn invalid(what: String) -> TbError {
    TbError::invalid(format!("invalid connect options: http_connect_proxy: {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(address: &str, user: Option<&str>, password: Option<&str>) -> HttpConnectProxyConfig {
        HttpConnectProxyConfig {
            address: address.to_owned(),
            basic_auth_user: user.map(str::to_owned),
            basic_auth_password: password.map(str::to_owned),
        }
    }

    #[test]
    fn an_address_and_credentials_map_to_the_core_option() {
        let options = config("proxy.internal:3128", Some("alice"), Some("s3cret")).into_core().unwrap();
        assert_eq!(options.target_addr, "proxy.internal:3128");
        assert_eq!(options.basic_auth, Some(("alice".to_owned(), "s3cret".to_owned())));
        assert_eq!(config("[::1]:8080", None, None).into_core().unwrap().basic_auth, None);
    }

    #[test]
    fn a_bad_address_or_half_a_credential_is_refused_without_the_password() {
        for (address, user, password) in [
            ("proxy.internal", None, None),
            ("http://proxy:3128/", None, None),
            (":3128", None, None),
            ("proxy:0", None, None),
            ("proxy:3128", Some("alice"), None),
            ("proxy:3128", None, Some("s3cret")),
            ("proxy:3128", Some("al:ice"), Some("s3cret")),
        ] {
            let message = format!("{:?}", config(address, user, password).into_core().unwrap_err());
            assert!(message.contains("invalid connect options: http_connect_proxy: "), "{message}");
            assert!(!message.contains("s3cret"), "{message}");
        }
    }
}
