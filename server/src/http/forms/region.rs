//! Language and time zone (`/settings/branding/region`, signed in; the engine checks
//! `EditBranding`): the language the tenant's people read until they choose their own,
//! and the time zone every time on its pages and in its e-mails is shown in.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use engine::model::now_ms;
use i18n::Lang;
use serde::Deserialize;

use super::shell::Flash;
use super::{Posted, SignedIn};
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const PAGE: &str = "/settings/branding/region";

pub async fn page(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(f): Query<Flash>,
) -> Response {
    if let Err(e) = me.member.require(engine::model::Permission::EditBranding) {
        return me.fail("/", &engine::EngineError::from(e));
    }
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let tenant = &me.tc.tenant;
    let current = tenant.language.as_deref().and_then(Lang::parse);
    let mut languages = format!(
        "<option value=\"\"{}>{}</option>",
        if current.is_none() { " selected" } else { "" },
        tr("region-language-browser")
    );
    for l in Lang::ALL {
        languages.push_str(&format!(
            "<option value=\"{code}\" lang=\"{code}\"{sel}>{name}</option>",
            code = l.code(),
            sel = if current == Some(l) { " selected" } else { "" },
            name = l.name()
        ));
    }
    let zones: String = engine::region::zone_names()
        .iter()
        .map(|z| format!("<option value=\"{}\"></option>", escape(z)))
        .collect();
    let zone = tenant.time_zone.clone().unwrap_or_default();
    let body = format!(
        "<section class=\"card\"><p class=\"crumbs\"><a href=\"{home}\">{back}</a> · <a href=\"{theme}\">{theme_label}</a></p><h1>{heading}</h1>{flash}<p class=\"muted\">{intro}</p>\
         <form method=\"post\" action=\"{action}\" class=\"stack\">\
         <label for=\"region-language\">{language_label}</label><select id=\"region-language\" name=\"language\">{languages}</select>\
         <label for=\"region-zone\">{zone_label}</label><input id=\"region-zone\" type=\"text\" name=\"time_zone\" list=\"region-zones\" value=\"{zone}\" maxlength=\"64\" placeholder=\"Europe/Amsterdam\" autocomplete=\"off\" aria-describedby=\"region-zone-help\"/>\
         <p class=\"muted\" id=\"region-zone-help\">{zone_help}</p><datalist id=\"region-zones\">{zones}</datalist>\
         <button type=\"submit\" class=\"primary\">{save}</button></form></section>",
        home = escape(&me.tc.home()),
        back = tr("region-back"),
        theme = escape(&me.tc.href("/settings/branding/theme")),
        theme_label = tr("region-theme"),
        heading = tr("region-heading"),
        flash = f.html(),
        intro = tr("region-intro"),
        action = escape(&me.tc.href(PAGE)),
        language_label = tr("region-language"),
        zone_label = tr("region-time-zone"),
        zone = escape(&zone),
        zone_help = escape(&i18n::t_args(
            lang,
            "region-time-zone-help",
            &[("now", engine::region::date_time(tenant, lang, now_ms()).into())]
        )),
        save = tr("region-save"),
    );
    super::shell::page(
        &app,
        &me.tc,
        Some(&me.member),
        &i18n::t(lang, "region-heading"),
        &body,
        None,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegionForm {
    pub language: String,
    pub time_zone: String,
}

pub async fn save(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<RegionForm>,
) -> Response {
    let language = match form.language.as_str() {
        "" => None,
        code => match Lang::ALL.into_iter().find(|l| l.code() == code) {
            Some(l) => Some(l),
            None => return me.error(PAGE, &i18n::t(me.tc.lang, "region-err-language")),
        },
    };
    let zone = Some(form.time_zone.as_str());
    match engine::region::set_region(
        &app.store,
        me.tc.tenant.id,
        &me.member,
        language,
        zone,
        me.rid(),
    )
    .await
    {
        Ok(()) => {
            // The tenant (its language and zone) is cached per host for a while.
            app.tenant_cache.clear();
            me.notice(PAGE, &i18n::t(me.tc.lang, "region-saved"))
        }
        Err(e) => me.fail(PAGE, &e),
    }
}
