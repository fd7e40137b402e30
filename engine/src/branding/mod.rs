//! The theme editor: a tenant admin changes the portal's colours, fonts, product name
//! and e-mail header, footer and sender name, uploads a logo and a favicon
//! ([`images`] checks them), applies a theme pack from `themes/`, or goes back to the
//! pack as it is. A theme whose text, muted or error text, top bar or focus ring would
//! fail WCAG 2.1 AA contrast is refused with each failing pair named.
//!
//! A saved theme is stored as TOML (checked like a pack's file) and the tenant's
//! `theme_version` goes up; each replica loads the tenant's theme for the version it
//! sees ([`load`], called where a request's tenant is resolved and before an e-mail is
//! composed), so a change applies without a restart, on every replica within
//! `tenant_cache_seconds`. Needs [`Permission::EditBranding`]; every change audited.

pub mod images;

use serde_json::json;

pub use images::Asset;

use crate::audit::AuditEntry;
use crate::error::{EngineError, Msg};
use crate::model::{Member, Permission, Tenant};
use crate::store::audit::append_audit_tx;
use crate::store::branding as rows;
use crate::store::Store;
use crate::theme::{Colors, ContrastPair, Fonts, Theme, Themes, UPLOADED_FAVICON, UPLOADED_LOGO};

/// Makes sure `themes` holds `tenant`'s own theme for its current version (a tenant
/// with none, or a theme that no longer reads, shows its pack).
pub async fn load(store: &Store, themes: &Themes, tenant: &Tenant) -> Result<(), sqlx::Error> {
    if tenant.theme_version == 0
        || themes
            .custom_of(tenant.id.0, tenant.theme_version)
            .is_some()
    {
        return Ok(());
    }
    let pack = themes.get(&tenant.theme);
    let own = store.tenant_theme(tenant.id).await?.and_then(|text| {
        let parsed = parse_own(&text, pack);
        if parsed.is_none() {
            tracing::error!(
                tenant = tenant.id.0,
                "a saved theme does not read; the pack is shown"
            );
        }
        parsed
    });
    if let Some(theme) = own.or_else(|| themes.get(&tenant.theme).cloned()) {
        themes.remember(tenant.id.0, tenant.theme_version, theme);
    }
    Ok(())
}

/// What the editor shows.
#[derive(Clone, Debug)]
pub struct Editor {
    pub theme: Theme,
    /// The pack the tenant's theme starts from.
    pub pack: String,
    /// The packs it may apply: the shared ones and its own.
    pub packs: Vec<String>,
    /// Whether the tenant changed anything since applying the pack.
    pub edited: bool,
    pub contrast: Vec<ContrastPair>,
}

pub async fn editor(
    store: &Store,
    themes: &Themes,
    tenant: &Tenant,
    member: &Member,
) -> Result<Editor, EngineError> {
    member.require(Permission::EditBranding)?;
    load(store, themes, tenant).await?;
    let theme = themes
        .for_tenant(tenant)
        .ok_or_else(|| EngineError::invalid("err-theme-missing", &[]))?;
    let mut packs = themes.packs();
    for own in [&tenant.slug, &tenant.theme] {
        if themes.get(own).is_some() && !packs.contains(own) {
            packs.insert(0, own.clone());
        }
    }
    Ok(Editor {
        contrast: theme.contrast_pairs(),
        edited: store.tenant_theme(tenant.id).await?.is_some(),
        theme,
        pack: tenant.theme.clone(),
        packs,
    })
}

/// What the admin changes.
#[derive(Clone, Debug)]
pub struct ThemeEdit {
    pub product_name: String,
    pub colors: Colors,
    pub fonts: Fonts,
    pub email_sender_name: String,
    pub email_header: String,
    pub email_footer: String,
}

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The theme `edit` makes of `base`, checked (fields and contrast), or why not.
pub fn edited(base: &Theme, edit: &ThemeEdit) -> Result<Theme, EngineError> {
    let mut theme = base.clone();
    theme.product_name = edit.product_name.trim().to_string();
    let trim = |s: &String| s.trim().to_ascii_lowercase();
    let c = &edit.colors;
    theme.colors = Colors {
        primary: trim(&c.primary),
        on_primary: trim(&c.on_primary),
        accent: trim(&c.accent),
        background: trim(&c.background),
        surface: trim(&c.surface),
        text: trim(&c.text),
        muted: trim(&c.muted),
        danger: trim(&c.danger),
    };
    theme.fonts = Fonts {
        body: edit.fonts.body.trim().to_string(),
        heading: edit.fonts.heading.trim().to_string(),
    };
    theme.email.sender_name = optional(&edit.email_sender_name);
    theme.email.header = optional(&edit.email_header);
    theme.email.footer = optional(&edit.email_footer.replace("\r\n", "\n"));
    theme.check().map_err(EngineError::Invalid)?;
    // A see-through colour would pass the contrast check while showing nothing.
    for (name, value) in [
        ("primary", &theme.colors.primary),
        ("on_primary", &theme.colors.on_primary),
        ("accent", &theme.colors.accent),
        ("background", &theme.colors.background),
        ("surface", &theme.colors.surface),
        ("text", &theme.colors.text),
        ("muted", &theme.colors.muted),
        ("danger", &theme.colors.danger),
    ] {
        if value.len() > 7 {
            return Err(EngineError::invalid(
                "err-theme-transparent",
                &[("field", name.to_string())],
            ));
        }
    }
    let failing: Vec<Msg> = theme
        .contrast_pairs()
        .into_iter()
        .filter(|p| !p.passes())
        .map(|p| {
            let figures = |m: Msg| m.num("ratio", p.ratio, 1).num("needs", p.needs, 1);
            match contrast_term(p.label) {
                Some(term) => figures(Msg::new("err-theme-contrast-pair", &[])).term("pair", term),
                None => figures(Msg::new(
                    "err-theme-contrast-pair",
                    &[("pair", p.label.to_string())],
                )),
            }
        })
        .collect();
    if !failing.is_empty() {
        return Err(Msg::new("err-theme-contrast", &[])
            .parts("pairs", failing)
            .into());
    }
    Ok(theme)
}

/// Saves the tenant's theme as `edit` makes it; the portal and its e-mails show it at
/// once.
pub async fn save_theme(
    store: &Store,
    themes: &Themes,
    tenant: &Tenant,
    member: &Member,
    edit: ThemeEdit,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditBranding)?;
    let (tx, before) = begin_change(store, themes, tenant).await?;
    let theme = edited(&before, &edit)?;
    let change = Change {
        before: &before,
        action: "theme.saved",
        extra: None,
    };
    finish_change(
        tx,
        themes,
        tenant,
        &member.actor(),
        change,
        theme,
        request_id,
        now,
    )
    .await
}

/// Starts a change of the tenant's theme: the theme it starts from is read inside the
/// transaction, with the tenant's row locked (its own saved theme, else its pack), so
/// two admins saving at once, on any replicas, never lose each other's change.
async fn begin_change(
    store: &Store,
    themes: &Themes,
    tenant: &Tenant,
) -> Result<(crate::db::Tx, Theme), EngineError> {
    let mut tx = store.begin(tenant.id).await?;
    let (pack, own) = rows::theme_for_update_tx(&mut tx, tenant.id).await?;
    let before = match own.as_deref().and_then(|t| parse_own(t, themes.get(&pack))) {
        Some(t) => t,
        None => themes
            .get(&pack)
            .cloned()
            .ok_or_else(|| EngineError::invalid("err-theme-missing", &[]))?,
    };
    Ok((tx, before))
}

/// What a change was, for the audit trail.
struct Change<'a> {
    before: &'a Theme,
    action: &'static str,
    extra: Option<serde_json::Value>,
}

/// Stores the changed theme, bumps the version, audits, commits, and keeps it for this
/// replica.
#[allow(clippy::too_many_arguments)]
async fn finish_change(
    mut tx: crate::db::Tx,
    themes: &Themes,
    tenant: &Tenant,
    actor: &str,
    change: Change<'_>,
    theme: Theme,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    let text = toml::to_string(&theme)
        .map_err(|e| EngineError::invalid("err-theme-not-stored", &[("error", e.to_string())]))?;
    let version = rows::save_theme_tx(&mut tx, tenant.id, &text, now).await?;
    let mut after = summary(&theme);
    if let Some(extra) = change.extra {
        after["upload"] = extra;
    }
    append_audit_tx(
        &mut tx,
        tenant.id,
        &AuditEntry::of(
            actor,
            change.action,
            format!("theme:{}", tenant.slug),
            Some(summary(change.before)),
            Some(after),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    themes.remember(tenant.id.0, version, theme);
    Ok(())
}

/// The catalogue id of a contrast pair's name ([`ContrastPair::label`]).
fn contrast_term(label: &str) -> Option<&'static str> {
    Some(match label {
        "text on the page" => "err-contrast-text-on-the-page",
        "text on cards" => "err-contrast-text-on-cards",
        "muted text on cards" => "err-contrast-muted-text-on-cards",
        "error text on cards" => "err-contrast-error-text-on-cards",
        "the top bar's text" => "err-contrast-the-top-bar-s-text",
        "the focus ring on the page" => "err-contrast-the-focus-ring-on-the-page",
        _ => return None,
    })
}

/// A tenant's saved theme, with what only the platform decides taken from its pack:
/// the sender address, the reply-to address and whether it may say "powered by".
fn parse_own(text: &str, pack: Option<&Theme>) -> Option<Theme> {
    let mut t: Theme = toml::from_str(text).ok()?;
    t.check().ok()?;
    let pack = pack?;
    t.email.sender_address = pack.email.sender_address.clone();
    t.email.reply_to = pack.email.reply_to.clone();
    t.show_powered_by = pack.show_powered_by;
    t.pack = false;
    Some(t)
}

/// What the audit trail keeps of a theme.
fn summary(t: &Theme) -> serde_json::Value {
    json!({
        "product_name": t.product_name,
        "colors": t.colors,
        "fonts": t.fonts,
        "email_sender_name": t.email.sender_name,
        "logo": t.logo,
        "favicon": t.favicon,
    })
}

/// Whether `pack` is the tenant's own: the one it shows now, or the one named after it
/// (`themes/<slug>`, its brand as the platform set it up).
fn own_pack(tenant: &Tenant, pack: &str) -> bool {
    pack == tenant.theme || pack == tenant.slug
}

/// Shows pack `pack` as it is (dropping the tenant's own changes and uploads): a shared
/// pack ([`Theme::pack`]) or the tenant's own ([`own_pack`]); its current one is
/// "reset".
pub async fn apply_pack(
    store: &Store,
    themes: &Themes,
    tenant: &Tenant,
    member: &Member,
    pack: &str,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::EditBranding)?;
    let pack = pack.trim();
    let allowed = own_pack(tenant, pack) || themes.get(pack).is_some_and(|t| t.pack);
    let Some(theme) = themes.get(pack).filter(|_| allowed).cloned() else {
        return Err(EngineError::invalid(
            "err-theme-no-pack",
            &[("pack", format!("{pack:?}"))],
        ));
    };
    let mut tx = store.begin(tenant.id).await?;
    let version = rows::use_pack_tx(&mut tx, tenant.id, pack).await?;
    append_audit_tx(
        &mut tx,
        tenant.id,
        &AuditEntry::of(
            &member.actor(),
            "theme.pack_applied",
            format!("theme:{}", tenant.slug),
            Some(json!({ "pack": tenant.theme })),
            Some(json!({ "pack": pack })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    themes.remember(tenant.id.0, version, theme);
    Ok(())
}

/// Stores an uploaded logo or favicon (after [`images::check`]) and makes the theme use
/// it.
#[allow(clippy::too_many_arguments)]
pub async fn upload(
    store: &Store,
    themes: &Themes,
    tenant: &Tenant,
    member: &Member,
    asset: Asset,
    bytes: &[u8],
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditBranding)?;
    let content_type = images::check(asset, bytes).map_err(EngineError::Invalid)?;
    let (mut tx, before) = begin_change(store, themes, tenant).await?;
    rows::put_asset_tx(&mut tx, tenant.id, asset.as_str(), content_type, bytes, now).await?;
    let mut theme = before.clone();
    match asset {
        Asset::Logo => theme.logo = Some(UPLOADED_LOGO.into()),
        Asset::Favicon => theme.favicon = Some(UPLOADED_FAVICON.into()),
    }
    let change = Change {
        before: &before,
        action: "theme.picture_uploaded",
        extra: Some(
            json!({ "picture": asset.as_str(), "type": content_type, "bytes": bytes.len() }),
        ),
    };
    finish_change(
        tx,
        themes,
        tenant,
        &member.actor(),
        change,
        theme,
        request_id,
        now,
    )
    .await
}

/// Gives a new tenant a theme of its own: its pack with `name` as the product name and
/// the e-mails' sender name (a partner's new client shows its own name from the start).
/// Does nothing when the tenant has a theme of its own already.
pub(crate) async fn start_own_theme(
    store: &Store,
    themes: &Themes,
    tenant: &Tenant,
    name: &str,
    actor: &str,
    now: i64,
) -> Result<(), EngineError> {
    if store.tenant_theme(tenant.id).await?.is_some() {
        return Ok(());
    }
    let (tx, before) = begin_change(store, themes, tenant).await?;
    let mut theme = before.clone();
    let name: String = name.chars().take(60).collect();
    theme.product_name = name.clone();
    theme.show_powered_by = false;
    theme.email.sender_name = Some(name);
    theme.check().map_err(EngineError::Invalid)?;
    let change = Change {
        before: &before,
        action: "theme.saved",
        extra: None,
    };
    finish_change(tx, themes, tenant, actor, change, theme, None, now).await
}

/// The tenant's uploaded picture, for anyone (a logo is public): content type and bytes.
pub async fn picture(
    store: &Store,
    tenant: &Tenant,
    asset: Asset,
) -> Result<Option<(String, Vec<u8>)>, EngineError> {
    Ok(store.theme_asset(tenant.id, asset.as_str()).await?)
}
