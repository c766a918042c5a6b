//! How dates are written for people: one [`DateFormat`] chosen in Preferences (the locale's style
//! by default), and [`DateFormat::format`], the one function the window uses for every date it shows.
//!
//! The locale comes from `LC_ALL`, `LC_TIME` or `LANG` (the first one set, as POSIX reads them);
//! `C`, `POSIX` or none gives ISO 8601. Stored dates are always ISO; this is only how they read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A way of writing a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateFormat {
    /// Whatever the locale (`LC_TIME`, `LANG`) uses, resolved to one of the others.
    #[default]
    Locale,
    /// `2026-11-25` (ISO 8601).
    Iso,
    /// `25/11/2026` (e.g. en_GB, fr, es, it).
    DayMonthYear,
    /// `25.11.2026` (e.g. de, ru, pl, fi).
    DayMonthYearDots,
    /// `11/25/2026` (en_US).
    MonthDayYear,
    /// `25 Nov 2026`.
    DayMonthName,
}

impl DateFormat {
    /// Every format, in the order Preferences lists them.
    pub const ALL: [DateFormat; 6] = [
        Self::Locale,
        Self::Iso,
        Self::DayMonthYear,
        Self::DayMonthYearDots,
        Self::MonthDayYear,
        Self::DayMonthName,
    ];

    /// The format the running system's locale asks for (never [`DateFormat::Locale`]).
    pub fn of_system_locale() -> Self {
        let locale = ["LC_ALL", "LC_TIME", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Self::of_locale(&locale)
    }

    /// The format a locale name such as `en_GB.UTF-8` or `de_DE@euro` uses (never
    /// [`DateFormat::Locale`]); `C`, `POSIX`, an empty or an unknown name gives ISO or, for an
    /// unknown language, day/month/year, the most common order.
    pub fn of_locale(locale: &str) -> Self {
        let name = locale.split(['.', '@']).next().unwrap_or_default().trim();
        let mut parts = name.split(['_', '-']);
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        let territory = parts.next().unwrap_or_default().to_ascii_uppercase();
        match (language.as_str(), territory.as_str()) {
            ("" | "c" | "posix", _) => Self::Iso,
            ("en", "US" | "PH" | "AS" | "GU" | "PR" | "UM" | "VI") => Self::MonthDayYear,
            ("en", "CA") | ("sv" | "lt" | "zh" | "ja" | "ko" | "hu" | "mn", _) => Self::Iso,
            (
                "de" | "ru" | "pl" | "cs" | "sk" | "fi" | "nb" | "nn" | "no" | "da" | "tr" | "uk"
                | "et" | "lv" | "ro" | "be" | "bg" | "hr" | "sl" | "sr" | "is" | "kk" | "az",
                _,
            ) => Self::DayMonthYearDots,
            _ => Self::DayMonthYear,
        }
    }

    /// This format with [`DateFormat::Locale`] replaced by what the system's locale uses.
    pub fn resolved(self) -> Self {
        match self {
            Self::Locale => Self::of_system_locale(),
            other => other,
        }
    }

    /// `date` written in this format, e.g. `25 Nov 2026`.
    pub fn format(self, date: NaiveDate) -> String {
        let pattern = match self.resolved() {
            Self::Locale | Self::Iso => "%Y-%m-%d",
            Self::DayMonthYear => "%d/%m/%Y",
            Self::DayMonthYearDots => "%d.%m.%Y",
            Self::MonthDayYear => "%m/%d/%Y",
            Self::DayMonthName => "%-d %b %Y",
        };
        date.format(pattern).to_string()
    }

    /// What Preferences calls it, with an example, e.g. `Day/month/year (25/11/2026)`.
    pub fn label(self) -> String {
        let example = NaiveDate::from_ymd_opt(2026, 11, 25)
            .map_or_else(String::new, |d| format!(" ({})", self.format(d)));
        let name = match self {
            Self::Locale => "As the system's locale writes it",
            Self::Iso => "ISO 8601",
            Self::DayMonthYear => "Day/month/year",
            Self::DayMonthYearDots => "Day.month.year",
            Self::MonthDayYear => "Month/day/year",
            Self::DayMonthName => "Day, month name, year",
        };
        format!("{name}{example}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nov25() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn each_format_writes_the_date_its_way() {
        let date = nov25();
        assert_eq!(DateFormat::Iso.format(date), "2026-11-25");
        assert_eq!(DateFormat::DayMonthYear.format(date), "25/11/2026");
        assert_eq!(DateFormat::DayMonthYearDots.format(date), "25.11.2026");
        assert_eq!(DateFormat::MonthDayYear.format(date), "11/25/2026");
        assert_eq!(DateFormat::DayMonthName.format(date), "25 Nov 2026");
        let early = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(DateFormat::DayMonthName.format(early), "9 Mar 2026");
        assert_eq!(DateFormat::DayMonthYear.format(early), "09/03/2026");
    }

    #[test]
    fn locales_pick_their_order() {
        for (locale, format) in [
            ("en_US.UTF-8", DateFormat::MonthDayYear),
            ("en_GB.UTF-8", DateFormat::DayMonthYear),
            ("fr_FR.UTF-8", DateFormat::DayMonthYear),
            ("de_DE@euro", DateFormat::DayMonthYearDots),
            ("ja_JP.UTF-8", DateFormat::Iso),
            ("C.UTF-8", DateFormat::Iso),
            ("POSIX", DateFormat::Iso),
            ("", DateFormat::Iso),
            ("en-US", DateFormat::MonthDayYear),
        ] {
            assert_eq!(DateFormat::of_locale(locale), format, "{locale:?}");
        }
    }

    #[test]
    fn the_locale_format_resolves_to_a_concrete_one() {
        assert_ne!(DateFormat::Locale.resolved(), DateFormat::Locale);
        assert_eq!(DateFormat::Iso.resolved(), DateFormat::Iso);
        assert!(DateFormat::DayMonthName.label().contains("25 Nov 2026"));
    }
}
