//! What every page knows: the tenant's brand, the base path and the signed-in member.

use serde::{Deserialize, Serialize};

/// Branding and session facts every page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Portal {
    pub tenant_name: String,
    pub product_name: String,
    /// "" when the tenant came from the host, "/t/<slug>" when it came from the path.
    pub base: String,
    pub logo_url: Option<String>,
    pub powered_by: bool,
    pub user: Option<UserInfo>,
    /// The language the page is in (see the server's `language` middleware).
    #[serde(default)]
    pub lang: i18n::Lang,
}

impl Portal {
    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        i18n::t(self.lang, id)
    }

    /// The message `id` in the page's language with its placeables filled.
    pub fn ta(&self, id: &str, args: &[(&'static str, i18n::FluentValue<'_>)]) -> String {
        i18n::t_args(self.lang, id, args)
    }

    /// A portal URL: `/inventory` becomes `/t/<slug>/inventory` on a path-form tenant;
    /// the home page of a path-form tenant is `/t/<slug>` (no trailing slash).
    pub fn href(&self, path: &str) -> String {
        if path == "/" && !self.base.is_empty() {
            self.base.clone()
        } else {
            format!("{}{}", self.base, path)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserInfo {
    pub name: String,
    pub email: String,
    /// What the member may do here; the UI shows only what these allow.
    pub permissions: Vec<access::Permission>,
    /// Set while a partner's person acts here: the banner every page shows.
    #[serde(default)]
    pub acting: Option<ActingView>,
}

/// An act-as session, as its banner says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActingView {
    pub role: String,
    pub until: String,
    pub reason: String,
}

impl UserInfo {
    pub fn can(&self, p: access::Permission) -> bool {
        self.permissions.contains(&p)
    }
}
