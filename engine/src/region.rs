//! A tenant's language and time zone: the default its people read the portal and their
//! e-mails in until they choose their own language, and the zone every time on its
//! pages is shown in (`None`: UTC). Set by whoever may edit the portal's branding.

use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{Member, Permission, Tenant, TenantId};
use crate::recorded::Recorded;
use crate::store::audit::append_audit_tx;
use crate::store::tenants::set_region_tx;
use crate::Store;

/// The longest time-zone name accepted (the IANA database's longest is 32).
const MAX_ZONE: usize = 64;

/// The time zone named `name`, if the bundled database knows it.
pub fn zone(name: &str) -> Option<TimeZone> {
    if name.is_empty() || name.len() > MAX_ZONE {
        return None;
    }
    TimeZone::get(name).ok()
}

/// Every time-zone name the portal accepts, sorted (for a picker).
pub fn zone_names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    names.sort();
    names
}

/// An instant (epoch ms) on the tenant's clock: the local date, the local time and the
/// zone's abbreviation (`CET`, `CEST`, `UTC`). An unknown zone or an instant out of
/// range reads as UTC / the epoch.
pub fn local(tenant: &Tenant, ms: i64) -> ((i32, u8, u8), (u8, u8), String) {
    local_in(tenant.time_zone.as_deref(), ms)
}

/// An instant (epoch ms) on the clock of the zone named `zone_name` (a tenant's
/// `time_zone`; `None` or a name the database lacks: UTC), as [`local`] gives it.
pub fn local_in(zone_name: Option<&str>, ms: i64) -> ((i32, u8, u8), (u8, u8), String) {
    let tz = zone_name.and_then(zone).unwrap_or(TimeZone::UTC);
    let ts = Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH);
    let info = tz.to_offset_info(ts);
    let dt = info.offset().to_datetime(ts);
    (
        (dt.year().into(), dt.month() as u8, dt.day() as u8),
        (dt.hour() as u8, dt.minute() as u8),
        info.abbreviation().to_string(),
    )
}

/// An instant as the tenant's people read it: `2 Dec 2026, 14:05 CET`.
pub fn date_time(tenant: &Tenant, lang: i18n::Lang, ms: i64) -> String {
    let (d, t, zone) = local(tenant, ms);
    i18n::fmt::date_time(lang, d, t, &zone)
}

/// The day an instant `ms` falls on, on `tenant`'s clock, in `lang`: `2 Dec 2026` /
/// `2. Dez. 2026` / `2 dec 2026` (when something happened, was sent or stops working).
pub fn day(lang: i18n::Lang, tenant: &Tenant, ms: i64) -> String {
    let ((y, m, d), _, _) = local(tenant, ms);
    i18n::fmt::date(lang, y, m, d)
}

/// A calendar day kept as its midnight UTC (a delivery day someone picked in a date
/// field, a week's Monday), in `lang`: that very day, never shifted into a zone.
pub fn calendar_day(lang: i18n::Lang, ms: i64) -> String {
    let (y, m, d) = calendar_date(ms);
    i18n::fmt::date(lang, y, m, d)
}

/// A calendar day kept as its midnight UTC, as `(year, month, day)`: that very day,
/// never shifted into a zone.
pub fn calendar_date(ms: i64) -> (i32, u8, u8) {
    local_in(None, ms).0
}

/// A day as recorded text ([`Recorded`]), read later in each reader's language as
/// [`i18n::fmt::date`] writes it: `2 Dec 2026` / `2. Dez. 2026` / `2 dec 2026`. Take the
/// day from [`local`] / [`local_in`] (an instant on the tenant's clock) or from
/// [`calendar_date`] (a calendar day kept as its midnight UTC).
pub fn day_words(day: (i32, u8, u8)) -> Recorded {
    Recorded::from(&crate::error::Msg::date(day))
}

/// Sets the tenant's default language and time zone. The zone must be one the bundled
/// database knows (`Europe/Amsterdam`); `None` clears either. Audited.
pub async fn set_region(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    language: Option<i18n::Lang>,
    time_zone: Option<&str>,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::EditBranding)?;
    let time_zone = time_zone.map(str::trim).filter(|z| !z.is_empty());
    if let Some(name) = time_zone {
        if zone(name).is_none() {
            return Err(EngineError::invalid(
                "region-err-time-zone",
                &[("zone", name.chars().take(MAX_ZONE).collect())],
            ));
        }
    }
    let code = language.map(i18n::Lang::code);
    let mut tx = store.begin(tenant).await?;
    let (language_before, zone_before) = set_region_tx(&mut tx, tenant, code, time_zone).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "tenant.region_changed",
            format!("tenant:{}", tenant.0),
            Some(json!({ "language": language_before, "time_zone": zone_before })),
            Some(json!({ "language": code, "time_zone": time_zone })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant(zone: Option<&str>) -> Tenant {
        Tenant {
            id: TenantId(1),
            slug: "t".into(),
            name: "T".into(),
            theme: "default".into(),
            currency: "EUR".into(),
            partner: None,
            kind: Default::default(),
            theme_version: 0,
            suspended_at: None,
            language: None,
            time_zone: zone.map(String::from),
        }
    }

    #[test]
    fn times_read_on_the_tenant_s_clock_across_daylight_saving() {
        // 2026-12-02 13:05 UTC is 14:05 in Amsterdam (CET); 2026-07-01 12:00 UTC is
        // 14:00 there (CEST).
        let winter = 1_796_216_700_000;
        let summer = 1_782_907_200_000;
        let ams = tenant(Some("Europe/Amsterdam"));
        assert_eq!(local(&ams, winter), ((2026, 12, 2), (14, 5), "CET".into()));
        assert_eq!(local(&ams, summer), ((2026, 7, 1), (14, 0), "CEST".into()));
        assert_eq!(
            date_time(&tenant(None), i18n::Lang::De, winter),
            "2. Dez. 2026, 13:05 UTC"
        );
        // A zone the database lacks reads as UTC rather than failing the page.
        assert_eq!(local(&tenant(Some("Mars/Olympus")), winter).1, (13, 5));
        assert_eq!(local(&ams, i64::MAX).0, (1970, 1, 1));
        assert!(zone("Europe/Berlin").is_some());
        assert!(zone("").is_none() && zone(&"A".repeat(65)).is_none());
        assert!(zone_names().iter().any(|z| z == "Europe/Amsterdam"));
    }

    #[test]
    fn a_day_reads_on_the_tenant_s_clock_and_a_calendar_day_as_it_was_picked() {
        use i18n::Lang;
        // 2026-12-01 23:30 UTC is already 2 December in Berlin.
        let late = 1_796_167_800_000;
        let berlin = tenant(Some("Europe/Berlin"));
        assert_eq!(day(Lang::En, &berlin, late), "2 Dec 2026");
        assert_eq!(day(Lang::De, &berlin, late), "2. Dez. 2026");
        assert_eq!(day(Lang::Nl, &berlin, late), "2 dec 2026");
        assert_eq!(day(Lang::En, &tenant(None), late), "1 Dec 2026");
        // A day picked in a date field is kept as its midnight UTC: the same day
        // wherever the tenant is (on Honolulu's clock that instant is still 1 March).
        let picked = crate::model::parse_day("2026-03-02").unwrap();
        let honolulu = tenant(Some("Pacific/Honolulu"));
        assert_eq!(day(Lang::En, &honolulu, picked), "1 Mar 2026");
        assert_eq!(calendar_day(Lang::De, picked), "2. März 2026");
        assert_eq!(calendar_day(Lang::Nl, picked), "2 mrt 2026");
        assert_eq!(calendar_day(Lang::En, picked), "2 Mar 2026");
        assert_eq!(calendar_day(Lang::En, picked - 1), "1 Mar 2026");
        // Recorded, a day reads in each reader's language exactly as it is shown.
        let words = day_words(local(&berlin, late).0);
        let back = Recorded::from_json(&words.to_json()).unwrap();
        for lang in [Lang::En, Lang::De, Lang::Nl] {
            assert_eq!(back.text(lang), day(lang, &berlin, late));
        }
        assert_eq!(
            day_words(calendar_date(picked)).text(Lang::De),
            "2. März 2026"
        );
    }
}
