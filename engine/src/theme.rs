//! White-label themes: `themes/<name>/theme.toml` plus its assets.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The product name a portal shows (the tenant's, the partner's, or "Shelfwise").
    pub product_name: String,
    /// Whether the portal may say "powered by Shelfwise".
    #[serde(default)]
    pub show_powered_by: bool,
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
    !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " ,-'\"".contains(c))
}

fn is_asset_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

impl Theme {
    pub fn parse(text: &str, path: &Path) -> Result<Theme, ThemeError> {
        let invalid = |message: String| ThemeError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let theme: Theme = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
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
                return Err(invalid(format!(
                    "colors.{name} must be a hex colour like #1a2b3c, not {value:?}"
                )));
            }
        }
        for (name, value) in [
            ("body", &theme.fonts.body),
            ("heading", &theme.fonts.heading),
        ] {
            if !is_font_stack(value) {
                return Err(invalid(format!(
                    "fonts.{name} must be a plain font stack, not {value:?}"
                )));
            }
        }
        for (name, value) in [
            ("email.sender_address", &theme.email.sender_address),
            ("email.reply_to", &theme.email.reply_to),
        ] {
            if let Some(v) = value {
                if v.parse::<lettre::Address>().is_err() {
                    return Err(invalid(format!(
                        "{name} must be an e-mail address like orders@example.com, not {v:?}"
                    )));
                }
            }
        }
        if let Some(name) = &theme.email.sender_name {
            if name.chars().any(char::is_control) || name.chars().count() > 100 {
                return Err(invalid(
                    "email.sender_name must be one line of at most 100 characters".into(),
                ));
            }
        }
        for (name, value) in [("logo", &theme.logo), ("favicon", &theme.favicon)] {
            if let Some(v) = value {
                if !is_asset_name(v) {
                    return Err(invalid(format!(
                        "{name} must be a file name inside the theme folder, not {v:?}"
                    )));
                }
            }
        }
        Ok(theme)
    }

    /// CSS custom properties for the page shell.
    pub fn css_variables(&self) -> String {
        let c = &self.colors;
        format!(
            ":root{{--primary:{};--on-primary:{};--accent:{};--bg:{};--surface:{};--text:{};--muted:{};--danger:{};--font-body:{};--font-heading:{}}}",
            c.primary, c.on_primary, c.accent, c.background, c.surface, c.text, c.muted, c.danger,
            self.fonts.body, self.fonts.heading
        )
    }
}

/// Every theme under a folder, by folder name.
#[derive(Clone, Debug, Default)]
pub struct Themes {
    pub dir: PathBuf,
    pub by_name: HashMap<String, Theme>,
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
        })
    }

    pub fn get(&self, name: &str) -> Option<&Theme> {
        self.by_name.get(name)
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
