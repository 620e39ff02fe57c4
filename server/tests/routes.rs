//! The sandbox server over real HTTP on loopback: the widget's own requests
//! (built by its route table) in, status and JSON out.

use connect_widget::host::http::{read_answer, request_for, HttpRequest};
use connect_widget::host::{
    CredentialValue, HostCall, InstitutionQuery, MicrodepositChange, MicrodepositDetails, SupportTicket, CALLBACK_NAMES,
};
use connect_widget::model::Secret;
use connect_widget::sandbox::SandboxOptions;
use connect_widget_sandbox_server::{serve, ServerConfig};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// Start a server on a free loopback port (fast timings), for the whole test.
fn start() -> SocketAddr {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            sender.send(listener.local_addr().expect("address")).expect("send address");
            let sandbox = SandboxOptions { aggregation_ms: 40.0, sync_ms: 0.0, ..SandboxOptions::default() };
            let public_url = Some(format!("http://{}", listener.local_addr().expect("address")));
            let config = ServerConfig { sandbox, allowed_origins: vec!["https://app.example".into()], public_url };
            serve(listener, config, std::future::pending()).await.expect("serve");
        });
    });
    receiver.recv_timeout(Duration::from_secs(10)).expect("the server started")
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 exchange (`Connection: close`); `None` when no answer came within `wait`.
fn exchange(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    wait: Duration,
) -> Option<Answer> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(wait)).expect("timeout");
    let mut request = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body.unwrap_or(""));
    stream.write_all(request.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8(raw).expect("UTF-8 answer");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status line");
    let headers =
        lines.filter_map(|l| l.split_once(": ")).map(|(n, v)| (n.to_string(), v.to_string())).collect::<Vec<_>>();
    let body = if headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")) {
        dechunk(body)
    } else {
        body.to_string()
    };
    Some(Answer { status, headers, body })
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = &rest[size + 2..];
    }
    out
}

fn send(addr: SocketAddr, method: &str, target: &str, body: Option<Value>) -> Answer {
    let body = body.map(|b| b.to_string());
    exchange(addr, method, target, &[], body.as_deref(), Duration::from_secs(10)).expect("an answer")
}

/// Send the request the widget builds for `call`, under `base` (a session path or "").
fn call(addr: SocketAddr, base: &str, call: &HostCall) -> Answer {
    let request: HttpRequest = request_for(call).expect("a route");
    send(addr, request.method.as_str(), &request.url(base), request.body)
}

fn secret(guid: &str, value: &str) -> CredentialValue {
    CredentialValue { guid: guid.into(), value: Some(Secret::new(value)) }
}

/// MX Bank's summary and its login fields' guids (username, password), from the server.
fn mx_bank(addr: SocketAddr, base: &str) -> (Value, String, String) {
    let popular =
        call(addr, base, &HostCall::LoadPopularInstitutions { per_page: 1, iso_country_code: None, filters: vec![] });
    assert_eq!(popular.status, 200);
    let bank = popular.json()[0].clone();
    assert_eq!(bank["name"], "MX Bank");
    let guid = bank["guid"].as_str().expect("guid").to_string();
    let fields = call(addr, base, &HostCall::GetInstitutionCredentials { institution_guid: guid }).json();
    let field = |label: &str| {
        fields["credentials"].as_array().expect("fields").iter().find(|f| f["label"] == label).expect(label)["guid"]
            .as_str()
            .expect("field guid")
            .to_string()
    };
    (bank, field("Username"), field("Password"))
}

fn add_member(addr: SocketAddr, base: &str, username: &str, password: &str) -> Answer {
    let (bank, user, pass) = mx_bank(addr, base);
    call(
        addr,
        base,
        &HostCall::AddMember {
            institution_guid: bank["guid"].as_str().expect("guid").into(),
            institution: bank,
            credentials: vec![secret(&user, username), secret(&pass, password)],
            is_oauth: false,
        },
    )
}

/// Poll `GET /members/:guid` until `connection_status` is `status` and, unless
/// it is CHALLENGED (which keeps aggregating), the job is done.
fn until_status(addr: SocketAddr, base: &str, guid: &str, status: &str) -> Value {
    let start = Instant::now();
    loop {
        let member = call(addr, base, &HostCall::LoadMemberByGuid { guid: guid.into() }).json()["member"].clone();
        if member["connection_status"] == status && (status == "CHALLENGED" || member["is_being_aggregated"] == false) {
            return member;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "still {member} after 5 s, wanted {status}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_aggregation_path_over_http() {
    let addr = start();
    let created = add_member(addr, "/sessions/path", "test_atrium", "password");
    assert_eq!(created.status, 200, "{}", created.body);
    let member = created.json()["member"].clone();
    assert_eq!(member["connection_status"], "CREATED");
    assert_eq!(member["is_being_aggregated"], true);
    assert!(!created.body.contains("password"), "no credential in the answer");
    // The server's clock runs: the member connects on its own.
    until_status(addr, "/sessions/path", member["guid"].as_str().expect("guid"), "CONNECTED");
}

#[test]
fn an_mfa_round_over_http() {
    let addr = start();
    let member = add_member(addr, "", "test_atrium", "challenge").json()["member"].clone();
    let guid = member["guid"].as_str().expect("guid").to_string();
    let challenged = until_status(addr, "", &guid, "CHALLENGED");
    let question = challenged["mfa"]["credentials"][0]["guid"].as_str().expect("a question").to_string();
    // updateMFA and updateMember share PUT /members/:guid; the body tells them apart.
    let answered =
        call(addr, "", &HostCall::UpdateMfa { member: challenged, credentials: vec![secret(&question, "correct")] });
    assert_eq!(answered.status, 200, "{}", answered.body);
    assert_eq!(answered.json()["member"]["connection_status"], "RESUMED");
    until_status(addr, "", &guid, "CONNECTED");
}

#[test]
fn errors_keep_their_status_and_body() {
    let addr = start();
    let first = add_member(addr, "/sessions/dup", "test_atrium", "password").json();
    let again = add_member(addr, "/sessions/dup", "test_atrium", "password");
    assert_eq!(again.status, 409);
    let error = read_answer("addMember", again.status, &again.body).expect_err("409");
    assert_eq!(error.data_guid(), first["member"]["guid"].as_str().map(str::to_string));

    let missing = send(addr, "GET", "/members/MBR-nope", None);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json(), json!({"message": "Member MBR-nope was not found."}));
    assert!(read_answer("loadMemberByGuid", missing.status, &missing.body).expect_err("404").is_not_found());

    let garbage = send(addr, "POST", "/members", None);
    assert_eq!(garbage.status, 404, "an institution-less member: {}", garbage.body);
    let unknown = send(addr, "GET", "/no/such/route", None);
    assert_eq!((unknown.status, unknown.json()), (404, json!({"message": "No such route; see docs/http-api.md."})));
}

/// One call of every callback: each reaches a route (not the fallback, not 405).
#[test]
fn every_widget_request_reaches_a_route() {
    let addr = start();
    let member = json!({"guid": "MBR-x", "institution_guid": "INS-x"});
    let calls = vec![
        HostCall::AddMember {
            institution: json!({}),
            institution_guid: "INS-x".into(),
            credentials: vec![],
            is_oauth: false,
        },
        HostCall::UpdateMember { member: member.clone(), credentials: vec![] },
        HostCall::UpdateMfa { member: member.clone(), credentials: vec![] },
        HostCall::DeleteMember { member: member.clone() },
        HostCall::LoadMembers,
        HostCall::LoadMemberByGuid { guid: "MBR-x".into() },
        HostCall::LoadOAuthStates { outbound_member_guid: "MBR-x".into() },
        HostCall::LoadOAuthState { guid: "OAS-x".into() },
        HostCall::OAuthStart { member: member.clone() },
        HostCall::CreateSupportTicket(SupportTicket {
            email: "a@example.com".into(),
            title: "t".into(),
            message: "m".into(),
        }),
        HostCall::LoadInstitutions(InstitutionQuery {
            search_name: Some("gringotts".into()),
            page: 1,
            per_page: 5,
            ..Default::default()
        }),
        HostCall::LoadInstitutionByGuid { guid: "INS-x".into() },
        HostCall::LoadInstitutionByCode { code: "gringotts".into() },
        HostCall::LoadPopularInstitutions { per_page: 3, iso_country_code: Some("CA".into()), filters: vec![] },
        HostCall::LoadDiscoveredInstitutions {
            per_page: 3,
            iso_country_code: None,
            filters: vec![("tax_statement_is_enabled", json!(true))],
        },
        HostCall::CreateAccount { account: json!({"name": "Savings", "account_type": 2}) },
        HostCall::CreateMicrodeposit(MicrodepositDetails {
            routing_number: "123456780".into(),
            account_number: Secret::new("1234567"),
            account_type: 1,
            ..Default::default()
        }),
        HostCall::LoadMicrodepositByGuid { guid: "MIC-x".into() },
        HostCall::UpdateMicrodeposit { guid: "MIC-x".into(), change: MicrodepositChange::Resend },
        HostCall::RefreshMicrodepositStatus { guid: "MIC-x".into() },
        HostCall::VerifyMicrodeposit { guid: "MIC-x".into(), amount_1: "07".into(), amount_2: "03".into() },
        HostCall::VerifyRoutingNumber { routing_number: "123456789".into(), include_identity: false },
        HostCall::LoadJob { guid: "JOB-x".into() },
        HostCall::RunJob { job_type: 0, member_guid: "MBR-x".into() },
        HostCall::GetInstitutionCredentials { institution_guid: "INS-x".into() },
        HostCall::GetMemberCredentials { member_guid: "MBR-x".into() },
        HostCall::GetOAuthWindowUri { member_guid: "MBR-x".into() },
        HostCall::UpdateUserProfile { profile: json!({"email": "a@example.com"}) },
    ];
    let mut names: Vec<&str> = calls.iter().map(HostCall::name).collect();
    names.sort_unstable();
    let mut all = CALLBACK_NAMES.to_vec();
    all.sort_unstable();
    assert_eq!(names, all);
    for c in &calls {
        let answer = call(addr, "/sessions/every", c);
        assert_ne!(answer.status, 405, "{}: method not allowed", c.name());
        assert!(!answer.body.contains("No such route"), "{}: no route ({})", c.name(), answer.body);
        assert!(answer.json().is_object() || answer.json().is_array(), "{}: {}", c.name(), answer.body);
    }
    // A few answers, read as the widget reads them.
    let profile = call(addr, "", &HostCall::UpdateUserProfile { profile: json!({"email": "a@example.com"}) });
    assert_eq!((profile.status, profile.json()), (200, json!({"email": "a@example.com"})));
    let gringotts = call(addr, "", &HostCall::LoadInstitutionByCode { code: "gringotts".into() });
    assert_eq!(gringotts.json()["name"], "Gringotts");
    let blocked =
        call(addr, "", &HostCall::VerifyRoutingNumber { routing_number: "123456789".into(), include_identity: false });
    assert_eq!(blocked.json()["blocked_routing_number"]["reason_name"], "INVALID");
}

#[test]
fn cors_lets_loopback_pages_and_allowed_origins_call_with_cookies() {
    let addr = start();
    let preflight = |origin: &str| {
        let headers = [
            ("Origin", origin),
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "content-type,authorization"),
        ];
        exchange(addr, "OPTIONS", "/members/MBR-1", &headers, None, Duration::from_secs(5)).expect("an answer")
    };
    for origin in ["http://127.0.0.1:41234", "http://localhost:8080", "https://app.example"] {
        let answer = preflight(origin);
        assert_eq!(answer.header("access-control-allow-origin"), Some(origin), "{origin}");
        assert_eq!(answer.header("access-control-allow-credentials"), Some("true"));
        assert_eq!(answer.header("access-control-allow-headers"), Some("content-type,authorization"));
        assert!(answer.header("access-control-allow-methods").is_some_and(|m| m.contains("PUT")));
    }
    assert_eq!(preflight("https://evil.example").header("access-control-allow-origin"), None);
    let get = exchange(
        addr,
        "GET",
        "/institutions/recommended?pageSize=1",
        &[("Origin", "http://localhost:3000")],
        None,
        Duration::from_secs(5),
    )
    .expect("an answer");
    assert_eq!(get.header("access-control-allow-origin"), Some("http://localhost:3000"));
    assert_eq!(get.header("access-control-expose-headers"), Some("retry-after"));
}

#[test]
fn sessions_are_separate_sandboxes() {
    let addr = start();
    let guid = add_member(addr, "/sessions/alice", "test_atrium", "password").json()["member"]["guid"].clone();
    let guid = guid.as_str().expect("guid");
    assert_eq!(send(addr, "GET", &format!("/sessions/alice/members/{guid}"), None).status, 200);
    assert_eq!(send(addr, "GET", &format!("/sessions/bob/members/{guid}"), None).status, 404);
    assert_eq!(send(addr, "GET", &format!("/members/{guid}"), None).status, 404, "nor in the default session");
    // Bob can log in with the same username: no 409 across sessions.
    assert_eq!(add_member(addr, "/sessions/bob", "test_atrium", "password").status, 200);
    assert_eq!(send(addr, "GET", "/sessions/not%20valid/members", None).status, 404);
}

#[test]
fn faults_fail_or_hang_the_next_matching_requests() {
    let addr = start();
    let arm = |fault: Value| send(addr, "POST", "/sessions/faults/_sandbox/faults", Some(fault)).status;
    assert_eq!(arm(json!({"method": "post", "path": "/members", "status": 503, "times": 2})), 201);
    for _ in 0..2 {
        let failed = add_member(addr, "/sessions/faults", "test_atrium", "password");
        assert_eq!((failed.status, failed.json()["message"].is_string()), (503, true));
    }
    assert_eq!(add_member(addr, "/sessions/faults", "test_atrium", "password").status, 200, "spent after two");

    assert_eq!(arm(json!({"method": "GET", "path": "/institutions/recommended", "hang": true})), 201);
    let hung =
        exchange(addr, "GET", "/sessions/faults/institutions/recommended", &[], None, Duration::from_millis(300));
    assert!(hung.is_none(), "a hanging request never answers");
    assert_eq!(send(addr, "GET", "/sessions/faults/institutions/recommended?pageSize=1", None).status, 200);

    assert_eq!(arm(json!({"method": "PATCH", "path": "/members"})), 400);
    assert_eq!(arm(json!({"method": "GET", "path": "/members", "status": 200})), 400);
    assert_eq!(arm(json!({"method": "GET", "path": "/members"})), 201);
    assert_eq!(send(addr, "DELETE", "/sessions/faults/_sandbox/faults", None).status, 200);
    assert_eq!(send(addr, "GET", "/sessions/faults/members", None).status, 200, "cleared");
}

#[test]
fn the_request_log_lists_method_uri_and_authorization() {
    let addr = start();
    let headers = [("Authorization", "Bearer token-7")];
    exchange(addr, "GET", "/sessions/log/institutions?search=mx&page=1", &headers, None, Duration::from_secs(5))
        .expect("answer");
    send(addr, "GET", "/sessions/log/members", None);
    let log = send(addr, "GET", "/sessions/log/_sandbox/requests", None).json();
    assert_eq!(
        log,
        json!([
            {"method": "GET", "uri": "/sessions/log/institutions?search=mx&page=1", "authorization": "Bearer token-7"},
            {"method": "GET", "uri": "/sessions/log/members", "authorization": null},
        ])
    );
}

/// MX Bank (OAuth)'s summary, found by search.
fn mx_bank_oauth(addr: SocketAddr, base: &str) -> Value {
    let query = InstitutionQuery {
        search_name: Some("MX Bank (OAuth)".into()),
        routing_number: None,
        page: 1,
        per_page: 10,
        iso_country_code: None,
        filters: vec![],
    };
    let found = call(addr, base, &HostCall::LoadInstitutions(query)).json();
    let list = found.as_array().or_else(|| found["institutions"].as_array()).cloned().unwrap_or_default();
    list.into_iter().find(|i| i["name"] == "MX Bank (OAuth)").expect("MX Bank (OAuth) in the search results")
}

/// A new OAuth member at MX Bank (OAuth): its guid and `oauth_window_uri`.
fn oauth_member(addr: SocketAddr, base: &str) -> (String, String) {
    let bank = mx_bank_oauth(addr, base);
    let added = call(
        addr,
        base,
        &HostCall::AddMember {
            institution_guid: bank["guid"].as_str().expect("guid").into(),
            institution: bank,
            credentials: vec![],
            is_oauth: true,
        },
    );
    assert_eq!(added.status, 200, "{}", added.body);
    let member = added.json()["member"].clone();
    let guid = member["guid"].as_str().expect("member guid").to_string();
    let uri = member["oauth_window_uri"].as_str().expect("oauth_window_uri").to_string();
    (guid, uri)
}

/// The guid of `member`'s pending OAuth state.
fn pending_state(addr: SocketAddr, base: &str, member: &str) -> String {
    let states = call(addr, base, &HostCall::LoadOAuthStates { outbound_member_guid: member.into() }).json();
    let list = states.as_array().or_else(|| states["oauth_states"].as_array()).cloned().unwrap_or_default();
    let state = list.last().cloned().unwrap_or_else(|| panic!("no pending OAuth state for {member}: {states}"));
    state["guid"].as_str().expect("state guid").to_string()
}

fn oauth_state(addr: SocketAddr, base: &str, guid: &str) -> Value {
    let answer = call(addr, base, &HostCall::LoadOAuthState { guid: guid.into() }).json();
    if answer["oauth_state"].is_object() {
        answer["oauth_state"].clone()
    } else {
        answer
    }
}

// An OAuth member's window is the server's own authorization page (under the session's path); the choice made
// there (authorize, deny, fail with a reason) is what `GET /oauthStates` reports next.
#[test]
fn the_oauth_page_decides_the_state_over_http() {
    let addr = start();
    let base = "/sessions/oauth-page";
    let (member, uri) = oauth_member(addr, base);
    let prefix = format!("http://{addr}{base}/oauth/authorize?");
    assert!(uri.starts_with(&prefix), "{uri} opens the server's page");
    let target = &uri[format!("http://{addr}").len()..];
    let page = send(addr, "GET", target, None);
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").is_some_and(|t| t.starts_with("text/html")));
    for control in ["Authorize", "Deny", "Fail", "Session error"] {
        assert!(page.body.contains(control), "{control} on the page");
    }
    let form = |choice: &str, extra: &str| {
        let body = format!("member_guid={member}&choice={choice}{extra}");
        exchange(addr, "POST", target, &[], Some(&body), Duration::from_secs(10)).expect("an answer")
    };
    let state = pending_state(addr, base, &member);
    let done = form("authorize", "");
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(oauth_state(addr, base, &state)["auth_status"], 2, "SUCCESS");
    until_status(addr, base, &member, "CONNECTED");

    let (member, uri) = oauth_member(addr, base);
    let target = &uri[format!("http://{addr}").len()..];
    let form = |choice: &str, extra: &str| {
        let body = format!("member_guid={member}&choice={choice}{extra}");
        exchange(addr, "POST", target, &[], Some(&body), Duration::from_secs(10)).expect("an answer")
    };
    let state = pending_state(addr, base, &member);
    assert_eq!(form("fail", "&reason=9").status, 404, "an unknown reason is refused");
    assert_eq!(form("fail", "&reason=6").status, 200);
    let state = oauth_state(addr, base, &state);
    assert_eq!(
        (state["auth_status"].clone(), state["error_reason"].clone()),
        (json!(3), json!(6)),
        "ERRORED, session error"
    );
    assert_eq!(form("deny", "").status, 404, "nothing left to decide");
}
