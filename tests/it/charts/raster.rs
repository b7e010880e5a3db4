//! The PNG form: size, ink where text is, text from the embedded font,
//! determinism, and nothing drawn against the canvas edge.

use super::{small, Image};
use kinbench::report::charts::{ranked_bars, write, BarRow, Frame, RankedBars, Unit};

fn data(names: &[&str]) -> RankedBars {
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, n)| BarRow {
            name: n.to_string(),
            value: Some(3.0 + i as f64 * 2.5),
            interval: None,
            outlier: false,
        })
        .collect();
    RankedBars {
        rows,
        unit: Unit::percent(1),
        region: None,
        england: None,
    }
}

const NAMES: [&str; 4] = [
    "Bournemouth, Christchurch and Poole",
    "Windsor and Maidenhead",
    "Kent",
    "Brighton & Hove",
];

#[test]
fn default_canvas_is_1600_by_900_with_the_title_inked() {
    let frame = Frame::new("Kinship", "", super::SOURCE);
    let out = ranked_bars(&frame, &data(&NAMES)).unwrap();
    let img = Image::decode(&out.png);
    assert_eq!((img.width, img.height), (1600, 900));
    assert!(out
        .svg
        .contains("width=\"1600\" height=\"900\" viewBox=\"0 0 1600 900\""));
    // Bars, text and greys: far more than a handful of colours.
    let mut colours: Vec<[u8; 3]> = img.rgb.chunks(3).map(|c| [c[0], c[1], c[2]]).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 20, "only {} colours", colours.len());

    // The title is set in the embedded Liberation Sans Bold at an em of 34
    // px from x = 48. Its ink must span the width that face gives the word
    // (the advance less the side bearings, within a few pixels); another
    // font (e.g. a system DejaVu Sans, about 15% wider) would not.
    let face = ab_glyph::FontRef::try_from_slice(include_bytes!(
        "../../../assets/fonts/LiberationSans-Bold.ttf"
    ))
    .unwrap();
    use ab_glyph::{Font, ScaleFont};
    let scaled = face.as_scaled(34.0 * 2288.0 / 2048.0);
    let advance: f32 = "Kinship"
        .chars()
        .map(|c| scaled.h_advance(scaled.glyph_id(c)))
        .sum();
    let cols = img.ink_columns((0, 40), (1600, 100));
    let (first, last) = (cols[0], *cols.last().unwrap());
    assert!((48..=52).contains(&first), "title starts at x={first}");
    let ink = (last - first + 1) as f32;
    assert!(
        (ink - advance).abs() < 0.06 * advance,
        "title ink {ink}px, Liberation Sans advance {advance}px"
    );
}

// This proves the PNG's text comes from the embedded font with no system
// font present: plotters is built without its `ttf` feature, so font-kit
// and fontconfig are not even compiled in, and the bitmap text is
// rasterised with ab_glyph from bytes compiled into the binary. A title
// therefore changes the title area's pixels, and no title leaves it white,
// whatever fonts the machine has. `no_system_fonts.rs` checks the same on
// the real binary, with every system font directory hidden.
#[test]
fn the_title_text_itself_is_drawn() {
    let with = Image::decode(
        &ranked_bars(&small("Medway is highest"), &data(&NAMES))
            .unwrap()
            .png,
    );
    let without = Image::decode(&ranked_bars(&small(""), &data(&NAMES)).unwrap().png);
    let title_area = ((0, 0), (800, 46));
    assert_eq!(without.ink(title_area.0, title_area.1), 0);
    assert!(with.ink(title_area.0, title_area.1) > 300);
    let differing = (0..46)
        .flat_map(|y| (0..800).map(move |x| (x, y)))
        .filter(|&(x, y)| with.pixel(x, y) != without.pixel(x, y))
        .count();
    assert!(differing > 300, "only {differing} pixels differ");
}

#[test]
fn same_input_gives_identical_bytes() {
    let a = ranked_bars(&small("Same"), &data(&NAMES)).unwrap();
    let b = ranked_bars(&small("Same"), &data(&NAMES)).unwrap();
    assert!(a.svg == b.svg, "SVG differs between runs");
    assert!(a.png == b.png, "PNG differs between runs");
}

#[test]
fn long_names_keep_clear_of_the_canvas_edges() {
    // Even at a small size, the longest LA name is shrunk to fit: no ink in
    // the outer columns where a clipped label would run off the canvas.
    let frame = small("Long names").with_size(480, 270);
    let img = Image::decode(&ranked_bars(&frame, &data(&NAMES)).unwrap().png);
    assert_eq!(img.ink((0, 0), (8, 270)), 0);
    assert_eq!(img.ink((472, 0), (480, 270)), 0);
    assert!(img.ink((8, 60), (120, 230)) > 100, "the LA names are drawn");
}

#[test]
fn write_puts_both_forms_in_place_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = ranked_bars(&small("Written"), &data(&NAMES)).unwrap();
    write(&out, dir.path(), "temporary-approvals").unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("temporary-approvals.svg")).unwrap(),
        out.svg
    );
    assert_eq!(
        std::fs::read(dir.path().join("temporary-approvals.png")).unwrap(),
        out.png
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["temporary-approvals.png", "temporary-approvals.svg"]
    );
}
