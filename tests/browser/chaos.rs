//! Seeded chaos sessions: a host answering every callback at random (right,
//! throwing, rejecting with each status, garbage, a revoked Proxy, never
//! settling, settling twice) while a driver clicks, types, presses Enter and
//! Escape, calls `navigateBack()` and unmounts and remounts mid-flight. After
//! every session: no panic or uncaught error on the page, and the widget still
//! offers the user something to act on. A failure names its seed.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn chaos_host(seed: u32) -> JsValue;
    fn error_collector() -> JsValue;
    fn collected_errors(c: &JsValue) -> Vec<String>;
    fn stop_collector(c: &JsValue);
    fn widget_controls(host: &Element) -> Vec<Element>;
}

const SESSIONS: u32 = 200;
const ACTIONS: usize = 16;

/// Typed into whatever field is picked: sandbox words, a routing number, markup.
const TEXTS: [&str; 8] =
    ["mx", "MX Bank", "test_atrium", "password", "correct", "", "011411633", "<img src=x onerror=alert(1)>"];

/// xorshift: the same seed drives the same session.
struct Dice(u64);

impl Dice {
    fn new(seed: u32) -> Dice {
        Dice(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn chaos_mount(seed: u32) -> Mounted {
    let timing = timing_with(json!({"hostTimeoutMs": 40, "pollIntervalMs": 10, "searchDebounceMs": 5}));
    mount_with(chaos_host(seed), json!({"clientConfig": client_config(), "timing": timing}))
}

/// One random action; what it did, for the failure message.
fn act(w: &mut Mounted, seed: u32, dice: &mut Dice) -> String {
    let controls = widget_controls(&w.host);
    match dice.below(10) {
        0..=3 => {
            let buttons: Vec<&Element> = controls.iter().filter(|e| e.tag_name() == "BUTTON").collect();
            match buttons.get(dice.below(buttons.len())) {
                Some(button) => {
                    let name = accessible_name(button);
                    button.unchecked_ref::<HtmlElement>().click();
                    format!("click {name:?}")
                }
                None => "no button".into(),
            }
        }
        4 => {
            // Fill every field as a user who knows the sandbox would, and submit.
            for field in controls.iter().filter(|e| e.tag_name() != "BUTTON") {
                let label = accessible_name(field).to_lowercase();
                let text = if label.contains("user") {
                    "test_atrium"
                } else if label.contains("pass") {
                    "password"
                } else {
                    "correct"
                };
                fire_input(field, text);
            }
            let submit = controls
                .iter()
                .find(|e| e.tag_name() == "BUTTON" && e.get_attribute("type").as_deref() == Some("submit"));
            match submit {
                Some(button) => {
                    button.unchecked_ref::<HtmlElement>().click();
                    format!("fill and submit {:?}", accessible_name(button))
                }
                None => "nothing to submit".into(),
            }
        }
        5 => {
            let fields: Vec<&Element> = controls.iter().filter(|e| e.tag_name() != "BUTTON").collect();
            let text = TEXTS[dice.below(TEXTS.len())];
            match fields.get(dice.below(fields.len())) {
                Some(field) => {
                    fire_input(field, text);
                    format!("type {text:?} into {:?}", accessible_name(field))
                }
                None => "no field".into(),
            }
        }
        6 | 7 => {
            let key = if dice.below(2) == 0 { "Enter" } else { "Escape" };
            match controls.get(dice.below(controls.len())) {
                Some(target) => {
                    fire_key(target, key, false);
                    format!("{key} on {:?}", accessible_name(target))
                }
                None => format!("no target for {key}"),
            }
        }
        8 => format!("navigateBack() -> {}", w.handle.navigate_back()),
        _ => {
            w.handle.unmount();
            w.host.remove();
            *w = chaos_mount(seed.wrapping_add(7919));
            "unmount and remount".into()
        }
    }
}

// ≥ 200 seeded sessions against a host answering at random: zero panics, zero uncaught
// errors, zero dead screens.
#[wasm_bindgen_test]
async fn chaos_sessions_never_break_the_widget() {
    let collector = error_collector();
    let mut reached = std::collections::BTreeSet::new();
    for seed in 1..=SESSIONS {
        let mut dice = Dice::new(seed);
        let mut w = chaos_mount(seed);
        let mut log = Vec::new();
        for _ in 0..ACTIONS {
            sleep(dice.below(12) as u32).await;
            log.push(act(&mut w, seed, &mut dice));
            reached.insert(w.heading());
        }
        // Quiet time: every pending call times out (40 ms) or answers; then something to act on.
        let mut waited = 0;
        while widget_controls(&w.host).is_empty() && waited < 600 {
            sleep(20).await;
            waited += 20;
        }
        let errors = collected_errors(&collector);
        if !errors.is_empty() || widget_controls(&w.host).is_empty() {
            stop_collector(&collector);
            panic!("seed {seed}: errors {errors:?}; heading {:?}; text {:?}; after {log:?}", w.heading(), w.text());
        }
        w.unmount();
    }
    stop_collector(&collector);
    // The driver gets somewhere: search, a login form, connecting, errors, ...
    assert!(reached.len() >= 5, "only reached {reached:?}");
}
