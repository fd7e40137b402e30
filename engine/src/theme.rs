//! White-label themes: `themes/<name>/theme.toml` plus its assets.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Msg;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The product name a portal shows (the tenant's, the partner's, or "Shelfwise").
    pub product_name: String,
    /// Whether the portal may say "powered by Shelfwise".
    #[serde(default)]
    pub show_powered_by: bool,
    /// A pack every tenant may apply (or a partner give a new client); a tenant's or a
    /// partner's own brand is not one, so no one else can send e-mail in its name.
    #[serde(default)]
    pub pack: bool,
    pub colors: Colors,
    pub fonts: Fonts,
    /// File names inside the theme folder.
    pub logo: Option<String>,
    pub favicon: Option<String>,
    #[serde(default)]
    pub email: EmailBrand,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    pub primary: String,
    pub on_primary: String,
    pub accent: String,
    pub background: String,
    pub surface: String,
    pub text: String,
    pub muted: String,
    pub danger: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    pub body: String,
    pub heading: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailBrand {
    pub sender_name: Option<String>,
    /// The address the tenant's e-mails come from (its own domain, which must let the
    /// platform's mail server send for it: SPF/DKIM); the deployment's `mail_from` when
    /// absent. Message-IDs are made on its domain.
    #[serde(default)]
    pub sender_address: Option<String>,
    /// Where replies go, when not to the sender.
    #[serde(default)]
    pub reply_to: Option<String>,
    pub footer: Option<String>,
    /// The line in the e-mails' header bar (the product name when absent).
    #[serde(default)]
    pub header: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn is_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// Font stacks go into CSS, so only names, spaces, commas, quotes and hyphens are allowed.
fn is_font_stack(s: &str) -> bool {
    let quotes = |q: char| s.chars().filter(|c| *c == q).count() % 2 == 0;
    !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " ,-'\"".contains(c))
        && quotes('\'')
        && quotes('"')
}

fn is_asset_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

/// What a tenant's own uploaded logo and favicon are called in its theme: they are
/// served from the tenant's portal (`/brand/logo`), not from a theme folder.
pub const UPLOADED_LOGO: &str = "brand:logo";
pub const UPLOADED_FAVICON: &str = "brand:favicon";

impl Theme {
    pub fn parse(text: &str, path: &Path) -> Result<Theme, ThemeError> {
        let invalid = |message: String| ThemeError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let theme: Theme = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        theme.check().map_err(|m| invalid(m.to_string()))?;
        Ok(theme)
    }

    /// The checks every theme passes (a pack's file, or one edited in the portal): the
    /// message names the field at fault.
    pub fn check(&self) -> Result<(), Msg> {
        let theme = self;
        let c = &theme.colors;
        for (name, value) in [
            ("primary", &c.primary),
            ("on_primary", &c.on_primary),
            ("accent", &c.accent),
            ("background", &c.background),
            ("surface", &c.surface),
            ("text", &c.text),
            ("muted", &c.muted),
            ("danger", &c.danger),
        ] {
            if !is_colour(value) {
                return Err(Msg::new(
                    "err-theme-colour",
                    &[
                        ("field", format!("colors.{name}")),
                        ("value", format!("{value:?}")),
                    ],
                ));
            }
        }
        for (name, value) in [
            ("body", &theme.fonts.body),
            ("heading", &theme.fonts.heading),
        ] {
            if !is_font_stack(value) {
                return Err(Msg::new(
                    "err-theme-font",
                    &[
                        ("field", format!("fonts.{name}")),
                        ("value", format!("{value:?}")),
                    ],
                ));
            }
        }
        for (name, value) in [
            ("email.sender_address", &theme.email.sender_address),
            ("email.reply_to", &theme.email.reply_to),
        ] {
            if let Some(v) = value {
                if v.parse::<lettre::Address>().is_err() {
                    return Err(Msg::new(
                        "err-theme-address",
                        &[("field", name.to_string()), ("value", format!("{v:?}"))],
                    ));
                }
            }
        }
        if let Some(name) = &theme.email.sender_name {
            if name.chars().any(char::is_control) || name.chars().count() > 100 {
                return Err(Msg::new("err-theme-sender-name", &[]));
            }
        }
        for (name, value, uploaded) in [
            ("logo", &theme.logo, UPLOADED_LOGO),
            ("favicon", &theme.favicon, UPLOADED_FAVICON),
        ] {
            if let Some(v) = value {
                if v != uploaded && !is_asset_name(v) {
                    return Err(Msg::new(
                        "err-theme-file",
                        &[("field", name.to_string()), ("value", format!("{v:?}"))],
                    ));
                }
            }
        }
        let one_line = |v: &Option<String>, max: usize| {
            v.as_ref()
                .is_none_or(|t| t.chars().count() <= max && !t.chars().any(char::is_control))
        };
        if theme.product_name.trim().is_empty() || !one_line(&Some(theme.product_name.clone()), 60)
        {
            return Err(Msg::new("err-theme-product-name", &[]));
        }
        if !one_line(&theme.email.header, 100) {
            return Err(Msg::new("err-theme-header", &[]));
        }
        if theme.email.footer.as_ref().is_some_and(|f| {
            f.chars().count() > 500 || f.chars().any(|c| c.is_control() && c != '\n')
        }) {
            return Err(Msg::new("err-theme-footer", &[]));
        }
        Ok(())
    }

    /// The colour pairs people must be able to read, with the WCAG 2.1 AA contrast each
    /// needs: text on the page and on cards (4.5:1), muted and error text on cards
    /// (4.5:1), the top bar's text (4.5:1), and the focus ring and accents against the
    /// page (3:1, non-text).
    pub fn contrast_pairs(&self) -> Vec<ContrastPair> {
        let c = &self.colors;
        let colour = |name: &str| match name {
            "primary" => &c.primary,
            "on_primary" => &c.on_primary,
            "accent" => &c.accent,
            "background" => &c.background,
            "surface" => &c.surface,
            "text" => &c.text,
            "muted" => &c.muted,
            _ => &c.danger,
        };
        let pair =
            |label: &'static str, fg: &'static str, bg: &'static str, needs: f64| ContrastPair {
                label,
                colours: (fg, bg),
                ratio: contrast(colour(fg), colour(bg)).unwrap_or(1.0),
                needs,
            };
        vec![
            pair("text on the page", "text", "background", 4.5),
            pair("text on cards", "text", "surface", 4.5),
            pair("muted text on cards", "muted", "surface", 4.5),
            pair("error text on cards", "danger", "surface", 4.5),
            pair("the top bar's text", "on_primary", "primary", 4.5),
            pair("the focus ring on the page", "accent", "background", 3.0),
        ]
    }

    /// The colour of the focus ring: the accent when it has 3:1 against both the page
    /// and the cards (WCAG 2.2 non-text contrast), else the first of the primary colour,
    /// the text colour, black and white that has, else whichever of black and white has
    /// most. So a theme whose accent is too pale (a file theme is not refused for it)
    /// still shows where the keyboard is.
    pub fn focus_colour(&self) -> String {
        let c = &self.colors;
        let least = |colour: &str| {
            let against = |bg: &str| contrast(colour, bg).unwrap_or(1.0);
            against(&c.background).min(against(&c.surface))
        };
        [c.accent.as_str(), &c.primary, &c.text, "#000000", "#ffffff"]
            .into_iter()
            .find(|colour| least(colour) >= 3.0)
            .map(str::to_string)
            .unwrap_or_else(|| {
                let (black, white) = (least("#000000"), least("#ffffff"));
                if black >= white { "#000000" } else { "#ffffff" }.to_string()
            })
    }

    /// CSS custom properties for the page shell.
    pub fn css_variables(&self) -> String {
        let c = &self.colors;
        format!(
            ":root{{--primary:{};--on-primary:{};--accent:{};--focus:{};--bg:{};--surface:{};--text:{};--muted:{};--danger:{};--font-body:{};--font-heading:{}}}",
            c.primary, c.on_primary, c.accent, self.focus_colour(), c.background, c.surface,
            c.text, c.muted, c.danger, self.fonts.body, self.fonts.heading
        )
    }
}

/// A pair of colours one is read against, its contrast and what it needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ContrastPair {
    pub label: &'static str,
    /// The two colours, by their names in `[colors]` (foreground, background).
    pub colours: (&'static str, &'static str),
    pub ratio: f64,
    pub needs: f64,
}

impl ContrastPair {
    pub fn passes(&self) -> bool {
        self.ratio + 1e-9 >= self.needs
    }
}

/// A colour `#rgb`, `#rrggbb` or `#rrggbbaa` (alpha ignored) as sRGB channels 0–255.
fn rgb(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 | 8 => {
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some([byte(0)?, byte(2)?, byte(4)?])
        }
        _ => None,
    }
}

/// WCAG 2.1 relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The WCAG 2.1 contrast ratio of two colours (1 to 21), or `None` for a colour that is
/// not hex.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(rgb(a)?), luminance(rgb(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// Every theme under a folder, by folder name, and the tenants' own themes edited in the
/// portal (loaded by `crate::branding::load`, kept per tenant and version, so a saved
/// theme applies on every replica as soon as it sees the tenant's new version).
#[derive(Debug, Default)]
pub struct Themes {
    pub dir: PathBuf,
    pub by_name: HashMap<String, Theme>,
    custom: std::sync::Mutex<HashMap<i64, (i64, std::sync::Arc<Theme>)>>,
}

impl Themes {
    pub fn load(dir: &Path) -> Result<Themes, ThemeError> {
        let io = |source| ThemeError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut by_name = HashMap::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let file = entry.path().join("theme.toml");
            if !file.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&file).map_err(|source| ThemeError::Io {
                path: file.clone(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            by_name.insert(name, Theme::parse(&text, &file)?);
        }
        Ok(Themes {
            dir: dir.to_path_buf(),
            by_name,
            custom: Default::default(),
        })
    }

    pub fn get(&self, name: &str) -> Option<&Theme> {
        self.by_name.get(name)
    }

    /// The packs every tenant may apply, by name.
    pub fn packs(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .by_name
            .iter()
            .filter(|(_, t)| t.pack)
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }

    /// The theme `tenant`'s portal shows: its own edited theme when it has one (and it
    /// was loaded for this version), else its pack's.
    pub fn for_tenant(&self, tenant: &crate::model::Tenant) -> Option<Theme> {
        if tenant.theme_version > 0 {
            if let Some(t) = self.custom_of(tenant.id.0, tenant.theme_version) {
                return Some((*t).clone());
            }
        }
        self.get(&tenant.theme).cloned()
    }

    /// The tenant's edited theme at `version` or newer, if loaded (a request that read
    /// the tenant a moment before a save gets the saved theme).
    pub fn custom_of(&self, tenant: i64, version: i64) -> Option<std::sync::Arc<Theme>> {
        let custom = self.custom.lock().unwrap_or_else(|e| e.into_inner());
        custom
            .get(&tenant)
            .filter(|(v, _)| *v >= version)
            .map(|(_, t)| t.clone())
    }

    /// Keeps the tenant's edited theme at `version`, unless a newer one is kept already.
    pub fn remember(&self, tenant: i64, version: i64, theme: Theme) {
        let mut custom = self.custom.lock().unwrap_or_else(|e| e.into_inner());
        let newer = custom.get(&tenant).is_some_and(|(v, _)| *v > version);
        if !newer {
            custom.insert(tenant, (version, std::sync::Arc::new(theme)));
        }
    }

    /// Where a theme's logo or favicon `file` is fetched from for `tenant`: its uploaded
    /// one from its portal (`base` is its path prefix), a pack's from the theme folder.
    pub fn asset_href(base: &str, tenant: &crate::model::Tenant, file: &str) -> String {
        match file {
            UPLOADED_LOGO => format!("{base}/brand/logo?v={}", tenant.theme_version),
            UPLOADED_FAVICON => format!("{base}/brand/favicon?v={}", tenant.theme_version),
            f => format!("/theme-assets/{}/{f}", tenant.theme),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r##"
product_name = "Acme"
logo = "logo.svg"
[colors]
primary = "#112233"
on_primary = "#fff"
accent = "#abcdef"
background = "#ffffff"
surface = "#f0f0f0"
text = "#111111"
muted = "#666666"
danger = "#aa0000"
[fonts]
body = "Inter, sans-serif"
heading = "'Playfair Display', serif"
"##;

    #[test]
    fn a_good_theme_parses_and_renders_variables() {
        let t = Theme::parse(GOOD, Path::new("t.toml")).unwrap();
        assert!(!t.show_powered_by);
        assert!(t.css_variables().contains("--primary:#112233"));
    }

    #[test]
    fn the_focus_ring_has_three_to_one_whatever_the_accent() {
        let t = Theme::parse(&GOOD.replace("#abcdef", "#1a5fb4"), Path::new("t.toml")).unwrap();
        assert_eq!(t.focus_colour(), "#1a5fb4", "a strong accent is the ring");
        // Freshfield's gold on its pale green page has about 1.6:1: the ring takes the
        // primary colour instead, and says so in the variables.
        let pale = GOOD
            .replace("#abcdef", "#f4c542")
            .replace("background = \"#ffffff\"", "background = \"#f3f8f1\"");
        let t = Theme::parse(&pale, Path::new("t.toml")).unwrap();
        assert!(contrast("#f4c542", "#f3f8f1").unwrap() < 3.0);
        assert_eq!(t.focus_colour(), "#112233");
        assert!(t.css_variables().contains("--focus:#112233;"));
        // Every colour pale: black, the best there is.
        let washed = pale
            .replace("#112233", "#eeeeee")
            .replace("#111111", "#dddddd");
        let t = Theme::parse(&washed, Path::new("t.toml")).unwrap();
        assert_eq!(t.focus_colour(), "#000000");
        for theme in ["freshfield", "northwind", "neutral"] {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../themes")
                .join(theme);
            let text = std::fs::read_to_string(dir.join("theme.toml")).unwrap();
            let t = Theme::parse(&text, &dir.join("theme.toml")).unwrap();
            let ring = t.focus_colour();
            for bg in [&t.colors.background, &t.colors.surface] {
                assert!(
                    contrast(&ring, bg).unwrap() >= 3.0,
                    "{theme}: {ring} on {bg}"
                );
            }
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let black_white = contrast("#000", "#ffffff").unwrap();
        assert!((black_white - 21.0).abs() < 0.01, "{black_white}");
        assert!((contrast("#777777", "#fff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(contrast("#fff", "#fff"), Some(1.0));
        assert_eq!(contrast("red", "#fff"), None);
        let good = GOOD.replace("#abcdef", "#1a5fb4");
        let t = Theme::parse(&good, Path::new("t.toml")).unwrap();
        assert!(
            t.contrast_pairs().iter().all(|p| p.passes()),
            "{:?}",
            t.contrast_pairs()
        );
        let unreadable = good.replace("text = \"#111111\"", "text = \"#dddddd\"");
        let t = Theme::parse(&unreadable, Path::new("t.toml")).unwrap();
        let failing: Vec<&str> = t
            .contrast_pairs()
            .iter()
            .filter(|p| !p.passes())
            .map(|p| p.label)
            .collect();
        assert_eq!(failing, ["text on the page", "text on cards"]);
    }

    #[test]
    fn css_injection_is_refused_with_the_field_named() {
        let bad = GOOD.replace("#abcdef", "red;}body{display:none");
        let err = Theme::parse(&bad, Path::new("t.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("colors.accent"), "{err}");
        let bad = GOOD.replace("Inter, sans-serif", "x}</style><script>");
        assert!(Theme::parse(&bad, Path::new("t.toml"))
            .unwrap_err()
            .to_string()
            .contains("fonts.body"));
        let bad = GOOD.replace("logo.svg", "../secret");
        assert!(Theme::parse(&bad, Path::new("t.toml"))
            .unwrap_err()
            .to_string()
            .contains("logo"));
    }
}
