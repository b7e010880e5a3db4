//! Each LA's profile in its feedback: the Profile sheet read back with
//! calamine, its strip images, and the section of its text.

use std::path::Path;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use kinbench::report::{write_report, Presenter};

use super::fixture::sample;
use super::pct;
use crate::charts::Image;

pub fn write_feedback(presenter: &Presenter) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_report(&sample().ctx(presenter), dir.path()).unwrap();
    dir
}

pub fn q2(dir: &Path, file: &str) -> std::path::PathBuf {
    dir.join("feedback").join("2025-26 Q2").join(file)
}

pub fn cell(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

pub fn row_starting(range: &Range<Data>, prefix: &str) -> u32 {
    (0..range.height() as u32)
        .find(|&r| matches!(cell(range, r, 0), Data::String(s) if s.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no row {prefix}"))
}

#[test]
fn oxfordshire_profile_shows_its_m03_value_rank_and_the_region() {
    let dir = write_feedback(&Presenter::internal());
    let b = &sample().benchmark;
    let mp = b.metric("M03").unwrap().at(b.period).unwrap();
    let own = mp.la("931").unwrap().value.unwrap();
    let included: Vec<f64> = mp.las.iter().filter_map(|l| l.value).collect();
    let rank = included.iter().filter(|&&v| v > own).count() + 1;
    // The planted outlier has the smallest temporary share of all.
    assert_eq!(rank, included.len());
    let rank_text = format!("{rank}th of {}", included.len());

    let path = q2(dir.path(), "931 Oxfordshire.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert!(book.sheet_names().contains(&"Profile".to_string()));
    let sheet = book.worksheet_range("Profile").unwrap();
    assert_eq!(
        cell(&sheet, 0, 0),
        Data::String("Your position in the South East region: Oxfordshire, 2025-26 Q2".into())
    );
    let r = row_starting(&sheet, "M03 ");
    assert_eq!(
        cell(&sheet, r, 0),
        Data::String("M03 Temporary share of approvals".into())
    );
    assert_eq!(cell(&sheet, r, 1), Data::Float(own));
    assert_eq!(cell(&sheet, r, 2), Data::String(rank_text.clone()));
    assert_eq!(
        cell(&sheet, r, 3),
        Data::String(pct(mp.region.pooled.unwrap()))
    );
    assert_eq!(cell(&sheet, r, 4), Data::String("\u{2013}".into()));
    let m01 = row_starting(&sheet, "M01 ");
    assert_eq!(
        cell(&sheet, m01, 4),
        Data::String("England 12% (2023)".into())
    );

    // Its own values by quarter: one column per quarter it sent, oldest first.
    let head = row_starting(&sheet, "Your values by quarter") + 1;
    let quarters: Vec<Data> = (1..=4).map(|c| cell(&sheet, head, c)).collect();
    assert_eq!(
        quarters,
        ["2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2"].map(|q| Data::String(q.into()))
    );
    let trend_row = (head + 1..sheet.height() as u32)
        .find(|&r| cell(&sheet, r, 0) == Data::String("M03 Temporary share of approvals".into()))
        .unwrap();
    for (i, period) in b.periods.iter().enumerate() {
        let v = b
            .metric("M03")
            .unwrap()
            .at(*period)
            .unwrap()
            .la("931")
            .unwrap()
            .value
            .unwrap();
        assert_eq!(cell(&sheet, trend_row, 1 + i as u32), Data::Float(v));
    }

    // One strip per metric, as a file and inside the workbook.
    let strip = q2(dir.path(), "931 Oxfordshire profile").join("M03.png");
    let img = Image::decode(&std::fs::read(strip).unwrap());
    assert_eq!((img.width, img.height), (600, 120));
    assert!(img.ink((0, 0), (600, 120)) > 1_000);
    let zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let media = zip
        .file_names()
        .filter_map(|n| n.ok())
        .filter(|n| n.starts_with("xl/media/"))
        .count();
    assert_eq!(media, b.metrics.len());

    let text = std::fs::read_to_string(q2(dir.path(), "931 Oxfordshire.txt")).unwrap();
    assert!(
        text.contains(&format!(
            "- M03 Temporary share of approvals: {:.1}%, {rank_text}; South East {}",
            own,
            pct(mp.region.pooled.unwrap())
        )),
        "{text}"
    );
    assert!(text.contains("Your values by quarter:"));
}

#[test]
fn only_the_reporting_period_carries_a_profile_and_excluded_metrics_say_why() {
    let dir = write_feedback(&Presenter::internal());
    let q1 = dir.path().join("feedback/2025-26 Q1/931 Oxfordshire.xlsx");
    let book: Xlsx<_> = open_workbook(&q1).unwrap();
    assert!(!book.sheet_names().contains(&"Profile".to_string()));
    assert!(!dir
        .path()
        .join("feedback/2025-26 Q1/931 Oxfordshire profile")
        .exists());

    let b = &sample().benchmark;
    // An LA left out of a metric: its cell gives the reason, and it has no rank.
    let (m, la) = b
        .metrics
        .iter()
        .find_map(|m| {
            let mp = m.at(b.period)?;
            mp.las
                .iter()
                .find(|l| {
                    l.excluded
                        .as_ref()
                        .is_some_and(|e| e.reason.as_str() != "not received")
                })
                .map(|l| (m, l))
        })
        .expect("the sample has an LA excluded from a metric");
    let stem = format!("{} {}", la.la_code, la.la_name);
    let mut book: Xlsx<_> = open_workbook(q2(dir.path(), &format!("{stem}.xlsx"))).unwrap();
    let sheet = book.worksheet_range("Profile").unwrap();
    let r = row_starting(&sheet, &format!("{} ", m.id));
    let e = la.excluded.as_ref().unwrap();
    let Data::String(why) = cell(&sheet, r, 1) else {
        panic!("no reason")
    };
    assert!(
        why.starts_with(&format!("excluded: {}", e.reason.as_str())),
        "{why}"
    );
    assert_eq!(cell(&sheet, r, 2), Data::String("\u{2013}".into()));
}

/// Each LA's strip is drawn over one background per metric; the PNG is the
/// one a strip drawn whole for that LA gives, byte for byte, for every region
/// LA and metric of the sample (the LA's own grey dot is in the shared
/// background, under its own larger dot) and for an LA with no value.
#[test]
fn strips_over_a_shared_background_are_the_strips_drawn_whole() {
    use kinbench::report::charts::{position_strip, STRIP_SIZE};
    use kinbench::report::feedback::profile::{strip, strip_backgrounds};
    let run = sample();
    let (b, p) = (&run.benchmark, Presenter::internal());
    let backgrounds = strip_backgrounds(&p, b).unwrap();
    assert_eq!(backgrounds.len(), b.metrics.len());
    let mut compared = 0;
    let mut without_value = 0;
    for la in &run.validation.region {
        for (m, background) in b.metrics.iter().zip(&backgrounds) {
            let whole = strip(&p, b, la, m);
            without_value += usize::from(whole.value.is_none());
            let drawn = position_strip(&whole, STRIP_SIZE).unwrap().png;
            let over = background.png(&whole.name, whole.value).unwrap();
            assert!(drawn == over, "{} {}: the two PNGs differ", la.name, m.id);
            compared += 1;
        }
    }
    assert_eq!(compared, run.validation.region.len() * b.metrics.len());
    // Excluded LAs draw "no data" over the same background.
    assert!(without_value > 0, "no LA without a value was compared");
}
