//! A tenant's language and time zone: the default its people read the portal and their
//! e-mails in until they choose their own language, and the zone every time on its
//! pages is shown in (`None`: UTC). Set by whoever may edit the portal's branding.

use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{Member, Permission, Tenant, TenantId};
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
    let tz = tenant
        .time_zone
        .as_deref()
        .and_then(zone)
        .unwrap_or(TimeZone::UTC);
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
}
