//! The theme editor (signed in; the engine checks `EditBranding`), served whole by the
//! server: `GET /settings/branding/theme` (the form, with a live preview that follows
//! every change before anything is saved, and the contrast of each colour pair), `POST`
//! the same path (save), `…/theme/pack` (apply a pack, or reset to the current one),
//! `…/theme/pictures/{logo,favicon}` (upload, `multipart/form-data`); and, for anyone,
//! `GET /brand/{logo,favicon}` (the tenant's uploaded pictures).

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use engine::branding::{self, Asset, ThemeEdit};
use engine::model::now_ms;
use engine::theme::{Colors, Fonts};

use super::shell::{page, Flash};
use super::{param, Params, Posted, SignedIn};
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const EDITOR: &str = "/settings/branding/theme";

/// The largest upload read (the engine refuses anything over its own, smaller limits).
pub const MAX_PICTURE_UPLOAD: usize = 512 * 1024;

/// Font stacks offered (any plain stack can be typed as well).
const FONTS: &[&str] = &[
    "system-ui, sans-serif",
    "Verdana, 'DejaVu Sans', sans-serif",
    "'Segoe UI', 'DejaVu Sans', sans-serif",
    "Georgia, 'DejaVu Serif', serif",
    "'Trebuchet MS', 'DejaVu Sans', sans-serif",
    "'Arial Black', 'DejaVu Sans', sans-serif",
];

/// Each colour of the theme and the catalogue id of its label.
const COLOURS: [(&str, &str); 8] = [
    ("primary", "site-colour-primary"),
    ("on_primary", "site-colour-on-primary"),
    ("accent", "site-colour-accent"),
    ("background", "site-colour-background"),
    ("surface", "site-colour-surface"),
    ("text", "site-colour-text"),
    ("muted", "site-colour-muted"),
    ("danger", "site-colour-danger"),
];

/// A contrast pair's label in `lang`, by its two colours (the engine's English label
/// for a pair this list does not know).
fn pair_label(lang: i18n::Lang, p: &engine::theme::ContrastPair) -> String {
    let id = match p.colours {
        ("text", "background") => "site-pair-text-page",
        ("text", "surface") => "site-pair-text-cards",
        ("muted", "surface") => "site-pair-muted-cards",
        ("danger", "surface") => "site-pair-error-cards",
        ("on_primary", "primary") => "site-pair-top-bar",
        ("accent", "background") => "site-pair-focus-ring",
        _ => return p.label.to_string(),
    };
    i18n::t(lang, id)
}

/// Live preview: every input sets its CSS variable on the preview panel, and the
/// contrast of each pair is worked out as one types (the server checks again on save).
const PREVIEW_SCRIPT: &str = r#"
(function(){
  var form=document.getElementById('theme-form'), box=document.getElementById('preview');
  if(!form||!box) return;
  function lum(h){h=h.replace('#','');if(h.length===3)h=h.split('').map(function(c){return c+c}).join('');
    var v=[0,2,4].map(function(i){var c=parseInt(h.substr(i,2),16)/255;return c<=0.03928?c/12.92:Math.pow((c+0.055)/1.055,2.4)});
    return 0.2126*v[0]+0.7152*v[1]+0.0722*v[2]}
  function ratio(a,b){var x=lum(a),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05)}
  function val(n){var e=form.elements[n];return e?e.value.trim():''}
  function update(){
    ['primary','on_primary','accent','background','surface','text','muted','danger'].forEach(function(n){
      var v=val(n); if(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) box.style.setProperty('--'+n.replace('_','-').replace('background','bg'),v)});
    if(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(val('accent'))) box.style.setProperty('--focus',val('accent'));
    box.style.setProperty('--font-body',val('font_body'));box.style.setProperty('--font-heading',val('font_heading'));
    box.querySelectorAll('[data-product]').forEach(function(e){e.textContent=val('product_name')});
    document.querySelectorAll('[data-pair]').forEach(function(row){
      var p=row.getAttribute('data-pair').split(','),need=parseFloat(row.getAttribute('data-needs'));
      try{var r=ratio(val(p[0]),val(p[1]));row.querySelector('.ratio').textContent=r.toFixed(1)+':1';
        row.querySelector('.verdict').textContent=r>=need?row.getAttribute('data-passes'):row.getAttribute('data-fails');
        row.className=r>=need?'':'alert'}catch(e){}
    })}
  form.addEventListener('input',update);
  form.querySelectorAll('input[type=color]').forEach(function(c){c.addEventListener('input',function(){
    var t=form.elements[c.getAttribute('data-for')]; if(t){t.value=c.value;update()}})});
  update();
})();
"#;

pub async fn editor(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(f): Query<Flash>,
) -> Response {
    let e = match branding::editor(&app.store, &app.themes, &me.tc.tenant, &me.member).await {
        Ok(e) => e,
        Err(err) => return me.fail("/", &err),
    };
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let t = &e.theme;
    let c = &t.colors;
    let value = |n: &str| match n {
        "primary" => &c.primary,
        "on_primary" => &c.on_primary,
        "accent" => &c.accent,
        "background" => &c.background,
        "surface" => &c.surface,
        "text" => &c.text,
        "muted" => &c.muted,
        _ => &c.danger,
    };
    let colours: String = COLOURS
        .iter()
        .map(|(name, label_id)| {
            let v = value(name);
            // A colour picker needs #rrggbb; the text field takes any hex form.
            let picker = if v.len() == 7 { v.clone() } else { "#000000".into() };
            let label = i18n::t(lang, label_id);
            let pick = i18n::t_args(lang, "site-colour-pick", &[("label", label.clone().into())]);
            format!(
                "<label>{label} <span class=\"inline-form\"><input type=\"color\" value=\"{picker}\" data-for=\"{name}\" aria-label=\"{pick}\"/><input type=\"text\" name=\"{name}\" value=\"{v}\" required pattern=\"#[0-9a-fA-F]{{3}}([0-9a-fA-F]{{3}})?\" size=\"8\"/></span></label>",
                label = escape(&label),
                pick = escape(&pick),
                picker = escape(&picker),
                v = escape(v),
            )
        })
        .collect();
    let font_list: String = FONTS
        .iter()
        .map(|f| format!("<option value=\"{}\"></option>", escape(f)))
        .collect();
    let (passes, fails) = (tr("site-contrast-passes"), tr("site-contrast-fails"));
    let pairs: String = e
        .contrast
        .iter()
        .map(|p| {
            let (fg, bg) = p.colours;
            format!(
                "<tr data-pair=\"{fg},{bg}\" data-needs=\"{}\" data-passes=\"{passes}\" data-fails=\"{fails}\"{}><td>{}</td><td class=\"ratio\">{:.1}:1</td><td>{:.1}:1</td><td class=\"verdict\">{}</td></tr>",
                p.needs,
                if p.passes() { "" } else { " class=\"alert\"" },
                escape(&pair_label(lang, p)),
                p.ratio,
                p.needs,
                if p.passes() { &passes } else { &fails }
            )
        })
        .collect();
    let packs: String = e
        .packs
        .iter()
        .map(|p| {
            let current = if *p == e.pack { " selected" } else { "" };
            format!("<option value=\"{0}\"{current}>{0}</option>", escape(p))
        })
        .collect();
    let email = &t.email;
    let logo = t
        .logo
        .as_ref()
        .map(|f| {
            format!(
                "<img class=\"logo\" src=\"{}\" alt=\"\"/>",
                escape(&engine::theme::Themes::asset_href(
                    &me.tc.base,
                    &me.tc.tenant,
                    f
                ))
            )
        })
        .unwrap_or_default();
    // The sample sentence, with its muted and error parts in their own colours.
    let sample_text = escape(&i18n::t_args(
        lang,
        "site-theme-sample-text",
        &[("muted", "\u{1}".into()), ("error", "\u{2}".into())],
    ))
    .replacen(
        '\u{1}',
        &format!(
            "<span class=\"preview-muted\">{}</span>",
            tr("site-theme-sample-muted")
        ),
        1,
    )
    .replacen(
        '\u{2}',
        &format!(
            "<span class=\"preview-danger\">{}</span>",
            tr("site-theme-sample-error")
        ),
        1,
    );
    let body = format!(
        "<section class=\"card\"><p class=\"crumbs\"><a href=\"{home}\">{l_back}</a> · <a href=\"{domains}\">{l_domains}</a> · <a href=\"{emails}\">{l_emails}</a> · <a href=\"{region}\">{l_region}</a></p><h1>{l_theme}</h1>{flash}<p class=\"muted\">{l_intro}</p>\
         <div class=\"theme-editor\"><form id=\"theme-form\" method=\"post\" action=\"{save}\" class=\"stack\">\
         <label>{l_product} <input type=\"text\" name=\"product_name\" value=\"{product}\" required maxlength=\"60\"/></label>{colours}\
         <label>{l_body_font} <input type=\"text\" name=\"font_body\" value=\"{body_font}\" list=\"fonts\" required maxlength=\"200\"/></label>\
         <label>{l_heading_font} <input type=\"text\" name=\"font_heading\" value=\"{heading_font}\" list=\"fonts\" required maxlength=\"200\"/></label><datalist id=\"fonts\">{font_list}</datalist>\
         <label>{l_sender} <input type=\"text\" name=\"email_sender_name\" value=\"{sender}\" maxlength=\"100\"/></label>\
         <label>{l_header} <input type=\"text\" name=\"email_header\" value=\"{header}\" maxlength=\"100\" placeholder=\"{l_header_placeholder}\"/></label>\
         <label>{l_footer} <textarea name=\"email_footer\" maxlength=\"500\" rows=\"3\">{footer}</textarea></label>\
         <button type=\"submit\" class=\"primary\">{l_save}</button></form>\
         <div id=\"preview\" class=\"theme-preview\" aria-label=\"{l_preview}\" style=\"{css}\"><div class=\"preview-bar\">{logo}<strong data-product>{product}</strong></div><div class=\"preview-page\"><div class=\"preview-card\"><h2>{l_sample}</h2><p>{l_sample_text}</p><p><span class=\"preview-button\">{l_main_button}</span> <span class=\"preview-focus\">{l_focused}</span></p></div></div></div></div>\
         <h2>{l_contrast}</h2><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{l_pair}</th><th scope=\"col\">{l_now}</th><th scope=\"col\">{l_needs}</th><th scope=\"col\">{l_verdict}</th></tr></thead><tbody>{pairs}</tbody></table></div></section>\
         <section class=\"card\"><h2>{l_pictures}</h2><p class=\"muted\">{l_pictures_help}</p>\
         <form method=\"post\" action=\"{logo_up}\" enctype=\"multipart/form-data\" class=\"inline-form\"><label>{l_logo} <input type=\"file\" name=\"file\" accept=\"image/png,image/svg+xml\" required/></label><button type=\"submit\">{l_upload_logo}</button></form>\
         <form method=\"post\" action=\"{favicon_up}\" enctype=\"multipart/form-data\" class=\"inline-form\"><label>{l_favicon} <input type=\"file\" name=\"file\" accept=\"image/png,image/svg+xml\" required/></label><button type=\"submit\">{l_upload_favicon}</button></form></section>\
         <section class=\"card\"><h2>{l_packs}</h2><p class=\"muted\">{l_packs_now}</p>\
         <details><summary>{l_apply_summary}</summary><form method=\"post\" action=\"{pack_url}\" class=\"inline-form\"><label>{l_pack} <select name=\"pack\">{packs}</select></label><button type=\"submit\" class=\"danger\">{l_apply}</button></form></details>\
         <details><summary>{l_reset_summary}</summary><form method=\"post\" action=\"{pack_url}\" class=\"inline-form\"><input type=\"hidden\" name=\"pack\" value=\"{pack}\"/><button type=\"submit\" class=\"danger\">{l_reset}</button></form></details></section>\
         <script>{PREVIEW_SCRIPT}</script>",
        home = escape(&me.tc.home()),
        domains = escape(&me.tc.href("/settings/branding/domains")),
        emails = escape(&me.tc.href("/settings/branding/emails")),
        region = escape(&me.tc.href("/settings/branding/region")),
        l_region = escape(&i18n::t(me.tc.lang, "region-heading")),
        flash = f.html(),
        save = escape(&me.tc.href(EDITOR)),
        product = escape(&t.product_name),
        body_font = escape(&t.fonts.body),
        heading_font = escape(&t.fonts.heading),
        sender = escape(email.sender_name.as_deref().unwrap_or("")),
        header = escape(email.header.as_deref().unwrap_or("")),
        footer = escape(email.footer.as_deref().unwrap_or("")),
        css = escape(&preview_style(t)),
        logo_up = escape(&me.tc.href(&format!("{EDITOR}/pictures/logo"))),
        favicon_up = escape(&me.tc.href(&format!("{EDITOR}/pictures/favicon"))),
        pack = escape(&e.pack),
        pack_url = escape(&me.tc.href(&format!("{EDITOR}/pack"))),
        l_back = tr("site-back-to-portal"),
        l_domains = tr("site-branding-domains"),
        l_emails = tr("site-branding-emails"),
        l_theme = tr("site-branding-theme"),
        l_intro = tr("site-theme-intro"),
        l_product = tr("site-theme-product-name"),
        l_body_font = tr("site-theme-body-font"),
        l_heading_font = tr("site-theme-heading-font"),
        l_sender = tr("site-theme-sender-name"),
        l_header = tr("site-theme-email-header"),
        l_header_placeholder = tr("site-theme-email-header-placeholder"),
        l_footer = tr("site-theme-email-footer"),
        l_save = tr("site-theme-save"),
        l_preview = tr("site-theme-preview"),
        l_sample = tr("site-theme-sample-card"),
        l_sample_text = sample_text,
        l_main_button = tr("site-theme-sample-button"),
        l_focused = tr("site-theme-sample-focused"),
        l_contrast = tr("site-theme-contrast"),
        l_pair = tr("site-theme-pair"),
        l_now = tr("site-theme-now"),
        l_needs = tr("site-theme-needs"),
        l_verdict = tr("site-theme-verdict"),
        l_pictures = tr("site-theme-pictures"),
        l_pictures_help = tr("site-theme-pictures-help"),
        l_logo = tr("site-theme-logo"),
        l_upload_logo = tr("site-theme-upload-logo"),
        l_favicon = tr("site-theme-favicon"),
        l_upload_favicon = tr("site-theme-upload-favicon"),
        l_packs = tr("site-theme-packs"),
        l_packs_now = escape(&i18n::t_args(
            lang,
            if e.edited {
                "site-theme-packs-now-edited"
            } else {
                "site-theme-packs-now"
            },
            &[("pack", e.pack.clone().into())],
        )),
        l_apply_summary = tr("site-theme-apply-summary"),
        l_pack = tr("site-theme-pack"),
        l_apply = tr("site-theme-apply"),
        l_reset_summary = tr("site-theme-reset-summary"),
        l_reset = escape(&i18n::t_args(
            lang,
            "site-theme-reset",
            &[("pack", e.pack.clone().into())],
        )),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        &i18n::t(lang, "site-branding-theme"),
        &body,
        None,
    )
}

/// The preview panel's own variables (the page around it keeps the saved theme): the
/// theme's custom properties, without their `:root{…}`.
fn preview_style(t: &engine::theme::Theme) -> String {
    let css = t.css_variables();
    css.trim_start_matches(":root{")
        .trim_end_matches('}')
        .to_string()
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ThemeForm {
    pub product_name: String,
    pub primary: String,
    pub on_primary: String,
    pub accent: String,
    pub background: String,
    pub surface: String,
    pub text: String,
    pub muted: String,
    pub danger: String,
    pub font_body: String,
    pub font_heading: String,
    pub email_sender_name: String,
    pub email_header: String,
    pub email_footer: String,
}

pub async fn save(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<ThemeForm>,
) -> Response {
    let edit = ThemeEdit {
        product_name: form.product_name,
        colors: Colors {
            primary: form.primary,
            on_primary: form.on_primary,
            accent: form.accent,
            background: form.background,
            surface: form.surface,
            text: form.text,
            muted: form.muted,
            danger: form.danger,
        },
        fonts: Fonts {
            body: form.font_body,
            heading: form.font_heading,
        },
        email_sender_name: form.email_sender_name,
        email_header: form.email_header,
        email_footer: form.email_footer,
    };
    let (tenant, rid) = (&me.tc.tenant, me.rid());
    match branding::save_theme(
        &app.store,
        &app.themes,
        tenant,
        &me.member,
        edit,
        rid,
        now_ms(),
    )
    .await
    {
        Ok(()) => {
            app.tenant_cache.clear();
            me.notice(EDITOR, &i18n::t(me.tc.lang, "site-theme-saved"))
        }
        Err(e) => me.fail(EDITOR, &e),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PackForm {
    pub pack: String,
}

pub async fn apply_pack(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<PackForm>,
) -> Response {
    let (tenant, rid) = (&me.tc.tenant, me.rid());
    match branding::apply_pack(&app.store, &app.themes, tenant, &me.member, &form.pack, rid).await {
        Ok(()) => {
            app.tenant_cache.clear();
            me.notice(
                EDITOR,
                &i18n::t_args(
                    me.tc.lang,
                    "site-theme-pack-applied",
                    &[("pack", form.pack.trim().into())],
                ),
            )
        }
        Err(e) => me.fail(EDITOR, &e),
    }
}

/// An uploaded picture's bytes (`file`).
pub struct Picture(Vec<u8>);

impl<S: Send + Sync> FromRequest<S> for Picture {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let lang = super::request_lang(req.extensions(), req.headers());
        let unreadable = |e: axum::extract::multipart::MultipartError| {
            let message = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                i18n::t(lang, "site-picture-too-large")
            } else {
                i18n::t(lang, "site-upload-unreadable")
            };
            (e.status(), message).into_response()
        };
        let mut parts = Multipart::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut bytes = Vec::new();
        while let Some(field) = parts.next_field().await.map_err(unreadable)? {
            if field.name() == Some("file") {
                bytes = Vec::from(field.bytes().await.map_err(unreadable)?);
            }
        }
        Ok(Picture(bytes))
    }
}

pub async fn upload(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Picture(bytes): Picture,
) -> Response {
    let Some(asset) = Asset::parse(param(&params, "which")) else {
        return me.not_found();
    };
    let (tenant, rid) = (&me.tc.tenant, me.rid());
    let themes = &app.themes;
    match branding::upload(
        &app.store,
        themes,
        tenant,
        &me.member,
        asset,
        &bytes,
        rid,
        now_ms(),
    )
    .await
    {
        Ok(()) => {
            app.tenant_cache.clear();
            let id = match asset {
                Asset::Logo => "site-theme-logo-uploaded",
                Asset::Favicon => "site-theme-favicon-uploaded",
            };
            me.notice(EDITOR, &i18n::t(me.tc.lang, id))
        }
        Err(e) => me.fail(EDITOR, &e),
    }
}

/// `GET /brand/{logo,favicon}`: the tenant's uploaded picture. Its address carries the
/// theme's version, so it may be kept long; it is served so that even an SVG opened on
/// its own runs nothing.
pub async fn picture(
    State(app): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    Path(params): Path<Params>,
) -> Response {
    let Some(asset) = Asset::parse(param(&params, "which")) else {
        return crate::http::tenancy::not_found_page_in(tc.lang);
    };
    match branding::picture(&app.store, &tc.tenant, asset).await {
        Ok(Some((content_type, bytes))) => {
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                h.insert(header::CONTENT_TYPE, v);
            }
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            );
            res
        }
        Ok(None) => crate::http::tenancy::not_found_page_in(tc.lang),
        Err(e) => {
            tracing::error!(error = %e, "reading a theme picture failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
