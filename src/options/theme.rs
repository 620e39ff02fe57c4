//! The partner's brand colour (`profiles.clientColorScheme.widget_brand_color`,
//! else `primary_300`) and `clientConfig.color_scheme`, as the custom
//! properties the runtime sets on the widget's container. The colour is kept
//! when it is readable and moved just enough toward black (light theme) or
//! white (dark theme) when it is not: primary buttons, links and the focus
//! ring all use it, so it must reach WCAG AA (4.5:1) against the widget's
//! background, and the text on it is whichever of white or near-black reads best.

use super::client_config::shown;
use serde_json::Value;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The backgrounds of the widget's light and dark themes (`style/widget.css`).
pub const LIGHT_BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DARK_BACKGROUND: Rgb = Rgb(0x15, 0x18, 0x1d);
/// The candidates for text on the brand colour.
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const NEAR_BLACK: Rgb = Rgb(0x0c, 0x0f, 0x14);
/// WCAG AA for normal text.
pub const AA: f64 = 4.5;

impl Rgb {
    /// `#rgb` or `#rrggbb` (the `#` may be left out), any case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `self` moved a fraction `t` (0 to 1) of the way to `toward`.
    fn mix(self, toward: Rgb, t: f64) -> Rgb {
        let channel = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round().clamp(0.0, 255.0) as u8;
        Rgb(channel(self.0, toward.0), channel(self.1, toward.1), channel(self.2, toward.2))
    }
}

/// WCAG contrast ratio, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `colour` itself when it reaches `ratio` against `background`, else the
/// smallest step toward black or white (whichever moves away from the
/// background) that does.
pub fn readable_on(colour: Rgb, background: Rgb, ratio: f64) -> Rgb {
    if contrast(colour, background) >= ratio {
        return colour;
    }
    let toward = if background.luminance() > 0.18 { Rgb(0, 0, 0) } else { WHITE };
    // 100 steps of 1 %: a channel moves at most 2.55 levels a step, so the
    // first that passes is within one level of the least change.
    (1..=100)
        .map(|step| colour.mix(toward, f64::from(step) / 100.0))
        .find(|c| contrast(*c, background) >= ratio)
        .unwrap_or(toward)
}

/// White or near-black, whichever reads better on `fill`.
pub fn text_on(fill: Rgb) -> Rgb {
    if contrast(WHITE, fill) >= contrast(NEAR_BLACK, fill) {
        WHITE
    } else {
        NEAR_BLACK
    }
}

/// The brand colours of one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Brand {
    pub primary: Rgb,
    pub text: Rgb,
    pub hover: Rgb,
}

impl Brand {
    /// The brand colour made readable on `background`, its text colour, and
    /// a hover shade a little further from the background.
    pub fn for_background(colour: Rgb, background: Rgb) -> Brand {
        let primary = readable_on(colour, background, AA);
        let away = if background.luminance() > 0.18 { Rgb(0, 0, 0) } else { WHITE };
        let hover = primary.mix(away, 0.15);
        Brand { primary, text: text_on(primary), hover }
    }
}

/// `clientConfig.color_scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorScheme {
    #[default]
    Light,
    Dark,
    /// Follow the user's system setting (`prefers-color-scheme`).
    Auto,
}

impl ColorScheme {
    /// The container's `data-theme`.
    pub fn attribute(self) -> &'static str {
        match self {
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
            ColorScheme::Auto => "auto",
        }
    }
}

/// How the widget looks, from the partner's options.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Theme {
    pub scheme: ColorScheme,
    /// The brand colour as given, when there is one.
    pub brand: Option<Rgb>,
}

impl Theme {
    /// Read `clientConfig.color_scheme` and `profiles.clientColorScheme`.
    /// An unreadable colour is warned about (by name) and the default kept.
    pub fn read(options: &Value, warnings: &mut Vec<String>) -> Theme {
        let scheme = match options.pointer("/clientConfig/color_scheme").and_then(Value::as_str) {
            Some(s) if s.eq_ignore_ascii_case("dark") => ColorScheme::Dark,
            Some(s) if s.eq_ignore_ascii_case("auto") => ColorScheme::Auto,
            _ => ColorScheme::Light,
        };
        let mut brand = None;
        for key in ["widget_brand_color", "primary_300"] {
            match options.pointer(&format!("/profiles/clientColorScheme/{key}")) {
                None | Some(Value::Null) => continue,
                Some(Value::String(s)) if s.trim().is_empty() => continue,
                Some(value) => match value.as_str().and_then(Rgb::parse) {
                    Some(colour) => {
                        brand = Some(colour);
                        break;
                    }
                    None => warnings.push(format!(
                        "`profiles.clientColorScheme.{key}` should be a hex colour like \"#1a73e8\", got {}; it is ignored",
                        shown(value)
                    )),
                },
            }
        }
        Theme { scheme, brand }
    }

    /// The custom properties to set on the container: the brand colour for
    /// the light and the dark theme (both, so `auto` can switch). Empty
    /// without a brand colour: the stylesheet's defaults apply.
    pub fn properties(&self) -> Vec<(&'static str, String)> {
        let Some(colour) = self.brand else { return Vec::new() };
        let light = Brand::for_background(colour, LIGHT_BACKGROUND);
        let dark = Brand::for_background(colour, DARK_BACKGROUND);
        vec![
            ("--cw-brand-primary", light.primary.hex()),
            ("--cw-brand-primary-text", light.text.hex()),
            ("--cw-brand-primary-hover", light.hover.hex()),
            ("--cw-brand-dark-primary", dark.primary.hex()),
            ("--cw-brand-dark-primary-text", dark.text.hex()),
            ("--cw-brand-dark-primary-hover", dark.hover.hex()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn colours_parse_in_the_usual_hex_forms() {
        assert_eq!(Rgb::parse("#1A73E8"), Some(Rgb(0x1a, 0x73, 0xe8)));
        assert_eq!(Rgb::parse("1a73e8"), Some(Rgb(0x1a, 0x73, 0xe8)));
        assert_eq!(Rgb::parse(" #fc0 "), Some(Rgb(0xff, 0xcc, 0x00)));
        for bad in ["", "#12345", "#gggggg", "red", "rgb(1,2,3)", "#ﬀ0000"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x1a, 0x73, 0xe8).hex(), "#1a73e8");
    }

    // Reference values from the WCAG definition.
    #[test]
    fn contrast_ratio_matches_wcag() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(255, 255, 255), Rgb(255, 255, 255)) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
        assert_eq!(contrast(Rgb(1, 2, 3), Rgb(200, 100, 50)), contrast(Rgb(200, 100, 50), Rgb(1, 2, 3)));
    }

    #[test]
    fn a_readable_brand_colour_is_kept_as_given() {
        let navy = Rgb(0x0b, 0x3d, 0x91);
        let brand = Brand::for_background(navy, LIGHT_BACKGROUND);
        assert_eq!(brand.primary, navy);
        assert_eq!(brand.text, Rgb(255, 255, 255));
        assert!(contrast(brand.hover, brand.text) >= contrast(brand.primary, brand.text));
    }

    // Yellow, light grey and teal are too light on white: darkened just enough.
    #[test]
    fn light_brand_colours_are_darkened_to_aa() {
        for colour in [Rgb(0xff, 0xd1, 0x00), Rgb(0xee, 0xee, 0xee), Rgb(0x2a, 0x9d, 0x8f), Rgb(0xff, 0xff, 0xff)] {
            let brand = Brand::for_background(colour, LIGHT_BACKGROUND);
            assert!(contrast(brand.primary, LIGHT_BACKGROUND) >= 4.5, "{colour:?} → {:?}", brand.primary);
            assert!(contrast(brand.primary, brand.text) >= 4.5, "{colour:?}: text on the button");
            assert!(contrast(brand.hover, brand.text) >= 4.5, "{colour:?}: text on hover");
            // Just enough: one step less would fail.
            let lighter = brand.primary.mix(colour, 0.05);
            assert!(lighter == brand.primary || contrast(lighter, LIGHT_BACKGROUND) < 4.6, "{colour:?} over-darkened");
        }
    }

    #[test]
    fn dark_theme_brand_colours_are_lightened_to_aa() {
        for colour in [Rgb(0x0b, 0x3d, 0x91), Rgb(0, 0, 0), Rgb(0x6a, 0x1b, 0x9a)] {
            let brand = Brand::for_background(colour, DARK_BACKGROUND);
            assert!(contrast(brand.primary, DARK_BACKGROUND) >= 4.5, "{colour:?} → {:?}", brand.primary);
            assert!(contrast(brand.primary, brand.text) >= 4.5, "{colour:?}: text on the button");
            assert!(contrast(brand.hover, brand.text) >= 4.5, "{colour:?}: text on hover");
        }
        // Already light enough on the dark background: kept.
        let sky = Rgb(0x8f, 0xb3, 0xff);
        assert_eq!(Brand::for_background(sky, DARK_BACKGROUND).primary, sky);
    }

    #[test]
    fn the_text_colour_is_the_more_readable_one() {
        assert_eq!(text_on(Rgb(0x0b, 0x3d, 0x91)), Rgb(255, 255, 255));
        assert_eq!(text_on(Rgb(0xff, 0xd1, 0x00)), NEAR_BLACK);
    }

    #[test]
    fn the_theme_is_read_from_the_options() {
        let mut warnings = Vec::new();
        let theme = Theme::read(
            &json!({"clientConfig": {"color_scheme": "AUTO"},
                    "profiles": {"clientColorScheme": {"widget_brand_color": null, "primary_300": "#ffd100"}}}),
            &mut warnings,
        );
        assert_eq!(theme, Theme { scheme: ColorScheme::Auto, brand: Some(Rgb(0xff, 0xd1, 0x00)) });
        assert!(warnings.is_empty());
        let props = theme.properties();
        let names: Vec<&str> = props.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "--cw-brand-primary",
                "--cw-brand-primary-text",
                "--cw-brand-primary-hover",
                "--cw-brand-dark-primary",
                "--cw-brand-dark-primary-text",
                "--cw-brand-dark-primary-hover"
            ]
        );
        // The yellow stays as it is on the dark theme, with dark text.
        assert_eq!(props[3].1, "#ffd100");
        assert_eq!(props[4].1, "#0c0f14");

        let theme = Theme::read(
            &json!({"profiles": {"clientColorScheme": {"widget_brand_color": "brand-blue", "primary_300": "#123"}}}),
            &mut warnings,
        );
        assert_eq!(theme.brand, Some(Rgb(0x11, 0x22, 0x33)), "the next colour is used");
        assert_eq!(theme.scheme, ColorScheme::Light);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("widget_brand_color") && warnings[0].contains("\"brand-blue\""));
        assert!(Theme::default().properties().is_empty());
    }
}
