//! `connect-widget-sandbox-server [--port N] [--allow-origin URL]… [--aggregation-ms N] …`
//!
//! Serves the sandbox on `http://127.0.0.1:N` (loopback only) and prints one
//! line, `connect-widget sandbox server listening on http://127.0.0.1:N`, once
//! it accepts requests. `--port 0` picks a free port (read it from that line).

use connect_widget::sandbox::SandboxOptions;
use connect_widget_sandbox_server::{serve, ServerConfig};
use serde_json::{Map, Value};
use std::io::Write;
use std::process::ExitCode;

const DEFAULT_PORT: u16 = 8787;

const USAGE: &str = "usage: connect-widget-sandbox-server [options]

  --port N                     port on 127.0.0.1 (default 8787; 0 = any free port)
  --allow-origin ORIGIN        also allow this page origin (CORS), e.g. https://app.example; repeatable.
                               Pages on localhost, 127.0.0.1 and [::1] are always allowed.
  --aggregation-ms N           how long a connection works before its outcome (default 2500)
  --sync-ms N                  how long a connected member keeps syncing (default 1500)
  --mfa-timeout-ms N           an unanswered MFA question expires after this (default 300000)
  --oauth-auto-authorize-ms N  authorize OAuth by itself this long after oAuthStart (default: never)
  --user-guid GUID             user_guid of every member (default USR-sandbox)

Routes: docs/http-api.md. Each /sessions/{id}/ prefix is a separate sandbox.
OAuth members open this server's authorization page, /oauth/authorize (under their session).";

/// Sandbox options settable from the command line (flag without `--`, `SandboxOptions` key).
const SANDBOX_FLAGS: [(&str, &str); 5] = [
    ("aggregation-ms", "aggregation_ms"),
    ("sync-ms", "sync_ms"),
    ("mfa-timeout-ms", "mfa_timeout_ms"),
    ("oauth-auto-authorize-ms", "oauth_auto_authorize_ms"),
    ("user-guid", "user_guid"),
];

fn parse(args: &[String]) -> Result<(u16, ServerConfig), String> {
    let mut port = DEFAULT_PORT;
    let mut config = ServerConfig::default();
    let mut sandbox = Map::new();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let name = flag.strip_prefix("--").ok_or_else(|| format!("unexpected argument {flag:?}"))?;
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match name {
            "port" => port = value.parse().map_err(|_| format!("--port: {value:?} is not a port number"))?,
            "allow-origin" => config.allowed_origins.push(value.trim_end_matches('/').to_string()),
            _ => {
                let key = SANDBOX_FLAGS
                    .iter()
                    .find(|(flag, _)| *flag == name)
                    .map(|(_, key)| *key)
                    .ok_or_else(|| format!("unknown option {flag}"))?;
                sandbox.insert(key.into(), Value::String(value.clone()));
            }
        }
    }
    config.sandbox = SandboxOptions::from_json(&Value::Object(sandbox));
    Ok((port, config))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let (port, mut config) = match parse(&args) {
        Ok(parsed) => parsed,
        Err(problem) => {
            eprintln!("connect-widget-sandbox-server: {problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("connect-widget-sandbox-server: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(e) => {
            eprintln!("connect-widget-sandbox-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    config.public_url = Some(format!("http://{address}"));
    println!("connect-widget sandbox server listening on http://{address}");
    let _ = std::io::stdout().flush();
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match serve(listener, config, shutdown).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("connect-widget-sandbox-server: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_set_the_port_origins_and_sandbox_timings() {
        let (port, config) = parse(&args(&[
            "--port",
            "0",
            "--aggregation-ms",
            "60",
            "--sync-ms",
            "0",
            "--allow-origin",
            "https://app.example/",
        ]))
        .expect("valid flags");
        assert_eq!(port, 0);
        assert_eq!((config.sandbox.aggregation_ms, config.sandbox.sync_ms), (60.0, 0.0));
        assert_eq!(config.allowed_origins, vec!["https://app.example".to_string()]);
        let (port, config) = parse(&[]).expect("no flags");
        assert_eq!(port, 8787);
        assert_eq!(config.sandbox.aggregation_ms, 2500.0);
    }

    #[test]
    fn bad_flags_are_named() {
        assert_eq!(parse(&args(&["--colour", "red"])).err(), Some("unknown option --colour".into()));
        assert_eq!(parse(&args(&["--port"])).err(), Some("--port needs a value".into()));
        assert_eq!(parse(&args(&["--port", "http"])).err(), Some("--port: \"http\" is not a port number".into()));
        assert_eq!(parse(&args(&["8787"])).err(), Some("unexpected argument \"8787\"".into()));
    }
}
