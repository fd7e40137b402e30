//! Service-level clocks for suppliers: working time in the tenant's time zone, and the
//! acknowledgement clock of a sent purchase order. Pure: the timers that use it are in
//! `replenish::timers`.
//!
//! An order sent to a supplier is due to be acknowledged within
//! [`SupplierSla::ack_hours`] working hours (default 16: two working days of 09:00 to
//! 17:00, Monday to Friday). When that passes unanswered the supplier gets a reminder;
//! when [`SupplierSla::escalate_after_hours`] more working hours pass, the buyer gets an
//! exception. Working hours are counted in the tenant's time zone, daylight saving
//! included (the IANA database is built in, so a host without one counts the same).

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::error::Msg;

const HOUR_MS: i64 = 3_600_000;

/// The longest clock a tenant may set, in working hours (about six months).
pub const MAX_SLA_HOURS: i64 = 1_000;

/// A tenant's supplier clocks (tenant file `[supplier_sla]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SupplierSla {
    /// IANA time zone, e.g. `Europe/Amsterdam`.
    pub time_zone: String,
    /// Working days: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`.
    pub working_days: Vec<String>,
    /// The working day's hours, local: from `day_starts` to `day_ends` (0 to 24).
    pub day_starts: i64,
    pub day_ends: i64,
    /// Working hours a supplier has to acknowledge a sent order.
    pub ack_hours: i64,
    /// Working hours after the reminder before the buyer is alerted.
    pub escalate_after_hours: i64,
}

impl Default for SupplierSla {
    fn default() -> SupplierSla {
        SupplierSla {
            time_zone: "UTC".into(),
            working_days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            day_starts: 9,
            day_ends: 17,
            ack_hours: 16,
            escalate_after_hours: 8,
        }
    }
}

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

impl SupplierSla {
    /// What is wrong with the settings, naming the field.
    pub fn validate(&self) -> Result<(), Msg> {
        self.working_time().map(|_| ())
    }

    fn working_time(&self) -> Result<WorkingTime, Msg> {
        let tz = TimeZone::get(&self.time_zone).map_err(|_| {
            Msg::new(
                "err-sla-time-zone",
                &[("zone", format!("{:?}", self.time_zone))],
            )
        })?;
        let mut days = Vec::new();
        for d in &self.working_days {
            let Some((_, w)) = DAYS.iter().find(|(name, _)| *name == d.as_str()) else {
                return Err(Msg::new("err-sla-day", &[("day", format!("{d:?}"))]));
            };
            days.push(*w);
        }
        if days.is_empty() {
            return Err(Msg::new("err-sla-no-days", &[]));
        }
        if !(0..24).contains(&self.day_starts)
            || !(1..=24).contains(&self.day_ends)
            || self.day_starts >= self.day_ends
        {
            return Err(Msg::new(
                "err-sla-hours",
                &[
                    ("starts", self.day_starts.to_string()),
                    ("ends", self.day_ends.to_string()),
                ],
            ));
        }
        for (field, v) in [
            ("ack_hours", self.ack_hours),
            ("escalate_after_hours", self.escalate_after_hours),
        ] {
            if !(1..=MAX_SLA_HOURS).contains(&v) {
                return Err(Msg::new(
                    "err-sla-clock",
                    &[
                        ("field", field.to_string()),
                        ("most", MAX_SLA_HOURS.to_string()),
                        ("value", v.to_string()),
                    ],
                ));
            }
        }
        Ok(WorkingTime {
            tz,
            days,
            starts: self.day_starts as i8,
            ends: self.day_ends as i8,
        })
    }

    /// When an order sent at `sent_at` (epoch ms) is due to be acknowledged.
    pub fn ack_due(&self, sent_at: i64) -> Result<i64, Msg> {
        self.working_time()?
            .add_hours(sent_at, self.ack_hours)
            .map_err(Msg::detail)
    }

    /// When an unacknowledged order reminded at `reminded_at` goes to the buyer.
    pub fn escalation_due(&self, reminded_at: i64) -> Result<i64, Msg> {
        self.working_time()?
            .add_hours(reminded_at, self.escalate_after_hours)
            .map_err(Msg::detail)
    }
}

struct WorkingTime {
    tz: TimeZone,
    days: Vec<Weekday>,
    starts: i8,
    ends: i8,
}

impl WorkingTime {
    /// The instant a local wall-clock hour of `date` names (24 is the next midnight); a
    /// time that does not exist (a daylight-saving gap) is taken as the first after it.
    fn instant(&self, date: Date, hour: i8) -> Result<i64, String> {
        let (date, hour) = if hour == 24 {
            (date.tomorrow().map_err(|e| e.to_string())?, 0)
        } else {
            (date, hour)
        };
        let zoned = date
            .at(hour, 0, 0, 0)
            .to_zoned(self.tz.clone())
            .map_err(|e| e.to_string())?;
        Ok(zoned.timestamp().as_millisecond())
    }

    /// `from` plus `hours` of working time.
    fn add_hours(&self, from: i64, hours: i64) -> Result<i64, String> {
        let mut left = hours.checked_mul(HOUR_MS).ok_or("too many hours")?;
        let start = Timestamp::from_millisecond(from).map_err(|e| e.to_string())?;
        let mut date = start.to_zoned(self.tz.clone()).date();
        let mut cursor = from;
        // A working day a week at least, and at most MAX_SLA_HOURS of them.
        for _ in 0..(MAX_SLA_HOURS * 7 + 14) {
            if self.days.contains(&date.weekday()) {
                let open = self.instant(date, self.starts)?;
                let close = self.instant(date, self.ends)?;
                let begin = cursor.max(open);
                if begin < close {
                    let available = close - begin;
                    if left <= available {
                        return Ok(begin + left);
                    }
                    left -= available;
                }
            }
            date = date.tomorrow().map_err(|e| e.to_string())?;
            cursor = cursor.max(self.instant(date, 0)?);
        }
        Err("the clock ran past the calendar".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(tz: &str, s: &str) -> i64 {
        let dt: jiff::civil::DateTime = s.parse().unwrap();
        dt.to_zoned(TimeZone::get(tz).unwrap())
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    fn amsterdam() -> SupplierSla {
        SupplierSla {
            time_zone: "Europe/Amsterdam".into(),
            ..SupplierSla::default()
        }
    }

    #[test]
    fn two_working_days_skip_the_weekend_in_the_tenants_zone() {
        let sla = amsterdam();
        // Friday 16:00: one hour on Friday, eight on Monday, seven on Tuesday.
        let sent = at("Europe/Amsterdam", "2026-12-04T16:00");
        assert_eq!(
            sla.ack_due(sent).unwrap(),
            at("Europe/Amsterdam", "2026-12-08T16:00")
        );
        // Sent on Saturday night: the clock starts on Monday at nine.
        let sent = at("Europe/Amsterdam", "2026-12-05T23:30");
        assert_eq!(
            sla.ack_due(sent).unwrap(),
            at("Europe/Amsterdam", "2026-12-08T17:00")
        );
        // Sent before opening on a Wednesday.
        let sent = at("Europe/Amsterdam", "2026-12-09T06:00");
        assert_eq!(
            sla.escalation_due(sent).unwrap(),
            at("Europe/Amsterdam", "2026-12-09T17:00")
        );
    }

    #[test]
    fn working_hours_follow_daylight_saving() {
        let sla = amsterdam();
        // Clocks go forward on Sunday 2027-03-28: Friday 12:00 plus 16 working hours is
        // Tuesday 12:00 local, which is UTC+2 by then.
        let sent = at("Europe/Amsterdam", "2027-03-26T12:00");
        let due = sla.ack_due(sent).unwrap();
        assert_eq!(due, at("Europe/Amsterdam", "2027-03-30T12:00"));
        assert_eq!(due - sent, (4 * 24 - 1) * HOUR_MS);
    }

    #[test]
    fn the_hour_repeated_in_autumn_is_worked_once() {
        // Clocks go back on Sunday 2026-10-25 (03:00 CEST becomes 02:00 CET). A
        // round-the-clock week: Saturday 12:00 plus 24 working hours is Sunday 11:00
        // local, 24 real hours later.
        let sla = SupplierSla {
            time_zone: "Europe/Amsterdam".into(),
            working_days: ["sat", "sun"].map(String::from).to_vec(),
            day_starts: 0,
            day_ends: 24,
            ack_hours: 24,
            ..SupplierSla::default()
        };
        let sent = at("Europe/Amsterdam", "2026-10-24T12:00");
        let due = sla.ack_due(sent).unwrap();
        assert_eq!(due - sent, 24 * HOUR_MS);
        assert_eq!(due, at("Europe/Amsterdam", "2026-10-25T11:00"));
    }

    #[test]
    fn other_working_weeks_and_bad_settings() {
        let sla = SupplierSla {
            working_days: vec!["sun".into(), "mon".into()],
            day_starts: 0,
            day_ends: 24,
            ack_hours: 30,
            ..SupplierSla::default()
        };
        // Saturday noon (UTC): all of Sunday (24 h) and six hours of Monday.
        let sent = at("UTC", "2026-12-05T12:00");
        assert_eq!(sla.ack_due(sent).unwrap(), at("UTC", "2026-12-07T06:00"));
        let bad = |f: fn(&mut SupplierSla)| {
            let mut s = SupplierSla::default();
            f(&mut s);
            s.validate().unwrap_err()
        };
        assert!(bad(|s| s.time_zone = "Mars/Olympus".into()).contains("time_zone"));
        assert!(bad(|s| s.working_days = vec!["friday".into()]).contains("working_days"));
        assert!(bad(|s| s.working_days.clear()).contains("at least one day"));
        assert!(bad(|s| s.day_starts = 17).contains("day_starts"));
        assert!(bad(|s| s.ack_hours = 0).contains("ack_hours"));
        assert!(bad(|s| s.escalate_after_hours = i64::MAX).contains("escalate_after_hours"));
        assert!(SupplierSla::default().validate().is_ok());
    }
}
