//! Who completed each return and when: the header fields an LA fills.

use chrono::{Days, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::period::Period;
use crate::schema::La;

const FIRST: [&str; 16] = [
    "Sam", "Priya", "Tom", "Aisha", "Rachel", "Daniel", "Fatima", "Chris", "Helen", "Tariq",
    "Joanne", "Mark", "Nadia", "Owen", "Grace", "Yusuf",
];
const LAST: [&str; 16] = [
    "Okafor", "Patel", "Hughes", "Rahman", "Clarke", "Evans", "Begum", "Walsh", "Turner",
    "Hussain", "Reid", "Morgan", "Khan", "Doyle", "Fletcher", "Ahmed",
];

/// The officer who fills an LA's returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub name: String,
    /// At the reserved `.example` domain, so no sample address can reach a real council.
    pub email: String,
}

pub fn contact(la: &La, rng: &mut ChaCha8Rng) -> Contact {
    let first = FIRST[rng.random_range(0..FIRST.len() as u32) as usize];
    let last = LAST[rng.random_range(0..LAST.len() as u32) as usize];
    let domain: String = la
        .name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    Contact {
        name: format!("{first} {last}"),
        email: format!(
            "{}.{}@{domain}.example",
            first.to_lowercase(),
            last.to_lowercase()
        ),
    }
}

/// A day between the 12th and 28th of the month after the quarter.
pub fn completed_on(period: Period, rng: &mut ChaCha8Rng) -> NaiveDate {
    let first = period.next().first_day();
    first
        .checked_add_days(Days::new(rng.random_range(11..=27u64)))
        .unwrap_or(first)
}
