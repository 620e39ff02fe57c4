//! Host text that may carry a little HTML (an institution's instructional
//! text and steps), read as plain text plus links. Nothing from the host is
//! ever rendered as HTML: tags are dropped, entities decoded, and an `<a>`
//! becomes a link only when its address is a safe `https:` URL (otherwise
//! its text stays, as text).

use super::safe_https_url;

/// A piece of host text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// A link to a safe `https:` URL.
    Link {
        text: String,
        url: String,
    },
    /// A line break (`<br>`, or between blocks such as `<p>`).
    Break,
}

/// Elements whose content is never text for the user.
const HIDDEN: [&str; 6] = ["script", "style", "template", "noscript", "iframe", "object"];
/// Elements that start a new line.
const BLOCKS: [&str; 8] = ["br", "p", "div", "li", "ul", "ol", "h3", "h4"];

/// `text` as segments. Plain text gives one `Text`; whitespace is collapsed.
pub fn parse(text: &str) -> Vec<Segment> {
    let mut out = Segments::default();
    let mut rest = text;
    let mut link: Option<(Option<String>, String)> = None;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            out.text(&decode(rest), &mut link);
            break;
        };
        out.text(&decode(&rest[..open]), &mut link);
        let after = &rest[open + 1..];
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            // Not a tag ("1 < 2"): the `<` is text.
            out.text("<", &mut link);
            rest = after;
            continue;
        }
        let Some(close) = after.find('>') else {
            // A lone `<` is text ("1 < 2").
            out.text(&decode(&rest[open..]), &mut link);
            break;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if HIDDEN.contains(&name.as_str()) && !closing {
            // Skip to the matching end tag (or the end).
            let end = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&end) {
                Some(at) => rest[at..].split_once('>').map_or("", |(_, r)| r),
                None => "",
            };
        } else if name == "a" && !closing {
            out.close_link(&mut link);
            link = Some((attribute(tag, "href").and_then(|h| safe_https_url(&decode(&h))), String::new()));
        } else if name == "a" {
            out.close_link(&mut link);
        } else if BLOCKS.contains(&name.as_str()) {
            out.close_link(&mut link);
            out.line_break();
        }
    }
    out.close_link(&mut link);
    out.finish()
}

/// `text` as plain text: tags dropped, entities decoded, links kept as their
/// words (for a heading, say).
pub fn plain(text: &str) -> String {
    parse(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) | Segment::Link { text: t, .. } => t,
            Segment::Break => " ".into(),
        })
        .collect()
}

#[derive(Default)]
struct Segments(Vec<Segment>);

impl Segments {
    fn text(&mut self, text: &str, link: &mut Option<(Option<String>, String)>) {
        match link {
            Some((_, inside)) => inside.push_str(text),
            None => match self.0.last_mut() {
                Some(Segment::Text(t)) => t.push_str(text),
                _ => self.0.push(Segment::Text(text.to_string())),
            },
        }
    }

    fn close_link(&mut self, link: &mut Option<(Option<String>, String)>) {
        let Some((url, text)) = link.take() else { return };
        let text = collapse(&text);
        match (url, text.trim().is_empty()) {
            (_, true) => {}
            (Some(url), false) => self.0.push(Segment::Link { text: text.trim().to_string(), url }),
            (None, false) => self.text(&text, &mut None),
        }
    }

    fn line_break(&mut self) {
        self.0.push(Segment::Break);
    }

    /// Collapse whitespace, drop empty pieces, repeated and edge breaks.
    fn finish(self) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        for segment in self.0 {
            match segment {
                Segment::Text(t) => {
                    let t = collapse(&t);
                    let at_line_start = matches!(out.last(), None | Some(Segment::Break));
                    let t = if at_line_start { t.trim_start().to_string() } else { t };
                    if !t.is_empty() {
                        out.push(Segment::Text(t));
                    }
                }
                Segment::Break => {
                    if !matches!(out.last(), None | Some(Segment::Break)) {
                        out.push(Segment::Break);
                    }
                }
                link @ Segment::Link { .. } => out.push(link),
            }
        }
        while out.last() == Some(&Segment::Break) {
            out.pop();
        }
        if let Some(Segment::Text(t)) = out.last_mut() {
            *t = t.trim_end().to_string();
        }
        out
    }
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        // A no-break space is there on purpose; keep it.
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The value of attribute `name` in a tag's inside (`a href="…" target=_blank`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let preceded = lower[..at].ends_with(|c: char| c.is_whitespace());
        let rest = tag[from..].trim_start();
        if !preceded || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default().to_string(),
            _ => value.split(char::is_whitespace).next().unwrap_or_default().to_string(),
        });
    }
    None
}

/// Decode the common HTML entities; unknown ones stay as written.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after.find(';').filter(|&semi| semi <= 10).map(|semi| &after[..semi]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let number = e.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())
            }
        });
        match (entity, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e.len() + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Segment {
        Segment::Text(t.into())
    }

    #[test]
    fn plain_text_stays_text() {
        assert_eq!(parse("  Sign in   with your\nbank app.  "), vec![text("Sign in with your bank app.")]);
        assert_eq!(parse("1 < 2 & 3 > 2"), vec![text("1 < 2 & 3 > 2")]);
        assert_eq!(parse(""), vec![]);
    }

    #[test]
    fn https_links_become_links_and_others_stay_text() {
        assert_eq!(
            parse(r#"Read <a href="https://bank.example/help?a=1&amp;b=2" target="_blank">our <b>help</b></a> first."#),
            vec![
                text("Read "),
                Segment::Link { text: "our help".into(), url: "https://bank.example/help?a=1&b=2".into() },
                text(" first."),
            ]
        );
        assert_eq!(parse(r#"<a href="javascript:alert(1)">click</a> me"#), vec![text("click me")]);
        assert_eq!(parse("<a href='data:text/html,x'>x</a>"), vec![text("x")]);
        assert_eq!(
            parse("<A HREF=https://bank.example>Bank</A>"),
            vec![Segment::Link { text: "Bank".into(), url: "https://bank.example".into() }]
        );
    }

    #[test]
    fn markup_is_dropped_and_scripts_never_show() {
        assert_eq!(
            parse("<p>Step one.</p><p>Step <em>two</em>.</p><script>alert('x')</script><img src=x onerror=alert(1)>"),
            vec![text("Step one."), Segment::Break, text("Step two.")]
        );
        assert_eq!(
            parse("a<br/>b&#39;s &#x41;&nbsp;c &bogus; d"),
            vec![text("a"), Segment::Break, text("b's A\u{a0}c &bogus; d")]
        );
        assert_eq!(parse("<style>p{}</style>unclosed <b"), vec![text("unclosed <b")]);
        assert_eq!(plain("Connect with <b>Oak</b><br>Online &amp; more"), "Connect with Oak Online & more");
    }
}
