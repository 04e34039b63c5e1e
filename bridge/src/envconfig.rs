//! Client profiles from `temporal.toml` and the `TEMPORAL_*` variables, read by the core's envconfig so
//! that PHP resolves them exactly as the CLI and the other SDKs do. Synchronous: no runtime, no queue.

use crate::{TbBuffer, TbBytes, TbError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use temporalio_common::envconfig::{
    ClientConfigProfile, ConfigError, DataSource, LoadClientConfigProfileOptions, load_client_config_profile,
};

/// What PHP asks for. `env` is the variables to read (PHP passes its own `getenv()`, which under FPM is
/// not the process environment); the default file location still follows the process's HOME.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    config_file: Option<String>,
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    disable_file: bool,
    #[serde(default)]
    disable_env: bool,
    env: HashMap<String, String>,
}

#[derive(Serialize)]
struct Profile {
    address: Option<String>,
    namespace: Option<String>,
    api_key: Option<String>,
    tls: Option<Tls>,
    // Sorted, so the same profile always gives the same document.
    grpc_meta: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct Tls {
    disabled: Option<bool>,
    client_cert: Option<Source>,
    client_key: Option<Source>,
    server_ca_cert: Option<Source>,
    server_name: Option<String>,
    disable_host_verification: bool,
}

/// A PEM named by a file path or given inline; PHP reads the file.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Source {
    Path(String),
    Data(String),
}

/// Resolves one profile. On success `*profile_json` is the profile as JSON (the caller frees it with
/// `tb_buffer_free`); a bad request, file or variable is an INVALID_ARGUMENT error naming it.
///
/// # Safety
/// `request_json` readable for the call; `profile_json` writable. Any thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_envconfig_load_profile(
    request_json: TbBytes,
    profile_json: *mut *mut TbBuffer,
) -> *mut TbError {
    crate::error::guarded(|| {
        let request: Request = serde_json::from_slice(unsafe { request_json.as_slice() })
            .map_err(|e| TbError::invalid(format!("invalid envconfig request: {e}")))?;
        let json = serde_json::to_vec(&load(request)?).map_err(|e| TbError::internal(e.to_string()))?;
        unsafe { *profile_json = TbBuffer::into_raw(json) };
        Ok(())
    })
}

fn load(request: Request) -> Result<Profile, TbError> {
    let options = LoadClientConfigProfileOptions::builder()
        .maybe_config_source(request.config_file.map(DataSource::Path))
        .maybe_config_file_profile(request.profile)
        .config_file_strict(request.strict)
        .disable_file(request.disable_file)
        .disable_env(request.disable_env)
        .build();
    Profile::from_core(load_client_config_profile(options, Some(&request.env)).map_err(describe)?)
}

fn describe(error: ConfigError) -> TbError {
    TbError::invalid(match error {
        ConfigError::LoadError(source) => format!("cannot load the Temporal client configuration: {source}"),
        other => other.to_string(),
    })
}

impl Profile {
    fn from_core(profile: ClientConfigProfile) -> Result<Self, TbError> {
        let tls = match profile.tls {
            None => None,
            Some(tls) => Some(Tls {
                disabled: tls.disabled,
                client_cert: Source::from_core(tls.client_cert, "client certificate")?,
                client_key: Source::from_core(tls.client_key, "client key")?,
                server_ca_cert: Source::from_core(tls.server_ca_cert, "server CA certificate")?,
                server_name: tls.server_name,
                disable_host_verification: tls.disable_host_verification,
            }),
        };
        Ok(Self {
            address: profile.address,
            namespace: profile.namespace,
            api_key: profile.api_key,
            tls,
            grpc_meta: profile.grpc_meta.into_iter().collect(),
        })
    }
}

impl Source {
    fn from_core(source: Option<DataSource>, what: &str) -> Result<Option<Self>, TbError> {
        Ok(match source {
            None => None,
            Some(DataSource::Path(path)) => Some(Self::Path(path)),
            Some(DataSource::Data(data)) => Some(Self::Data(
                String::from_utf8(data).map_err(|_| TbError::invalid(format!("the {what} is not PEM text")))?,
            )),
            Some(_) => return Err(TbError::invalid(format!("the {what} comes from an unknown kind of source"))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: serde_json::Value) -> Request {
        serde_json::from_value(json).unwrap()
    }

    fn load_json(json: serde_json::Value) -> Result<serde_json::Value, String> {
        load(request(json)).map(|p| serde_json::to_value(p).unwrap()).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn a_profile_from_toml_data_under_env_overrides() {
        let dir = std::env::temp_dir().join(format!("tb-envconfig-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("temporal.toml");
        std::fs::write(
            &file,
            "[profile.prod]\naddress = \"prod:7233\"\nnamespace = \"p\"\napi_key = \"k\"\n\
             [profile.prod.tls]\nserver_name = \"sni\"\n[profile.prod.grpc_meta]\nx-team = \"a\"\n",
        )
        .unwrap();
        let profile = load_json(serde_json::json!({
            "profile": "prod", "config_file": file.to_str().unwrap(),
            "env": {"TEMPORAL_NAMESPACE": "from-env", "TEMPORAL_TLS_SERVER_CA_CERT_DATA": "PEM"},
        }))
        .unwrap();
        assert_eq!(profile["address"], "prod:7233");
        assert_eq!(profile["namespace"], "from-env");
        assert_eq!(profile["api_key"], "k");
        assert_eq!(profile["tls"]["server_name"], "sni");
        assert_eq!(profile["tls"]["server_ca_cert"], serde_json::json!({"data": "PEM"}));
        assert_eq!(profile["grpc_meta"], serde_json::json!({"x-team": "a"}));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_profile_and_conflicting_variables_are_named() {
        let missing = load_json(serde_json::json!({"profile": "nope", "disable_env": false, "env": {
            "TEMPORAL_CONFIG_FILE": "/nonexistent/temporal.toml"}}));
        assert!(missing.unwrap_err().contains("Profile 'nope' not found"));
        let both = load_json(serde_json::json!({"disable_file": true, "env": {
            "TEMPORAL_TLS_CLIENT_KEY_PATH": "/k", "TEMPORAL_TLS_CLIENT_KEY_DATA": "k"}}));
        assert!(both.unwrap_err().contains("Cannot specify both TEMPORAL_TLS_CLIENT_KEY_PATH"));
    }

    #[test]
    fn unknown_request_fields_are_rejected() {
        assert!(serde_json::from_value::<Request>(serde_json::json!({"env": {}, "profil": "x"})).is_err());
    }
}
