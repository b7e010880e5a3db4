//! Unit tests of the layout helpers.

use super::*;
use crate::report::charts::scene::Font;
use crate::report::charts::style::palette;

#[test]
fn ticks_are_round_and_enclose_the_range() {
    assert_eq!(nice_ticks(0.0, 23.6, 5), [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
    assert_eq!(nice_ticks(0.0, 0.9, 4), [0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(
        nice_ticks(f64::NAN, f64::NAN, 5),
        [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
    );
    assert_eq!(tick_decimals(&[0.0, 0.25, 0.5]), 2);
    assert_eq!(tick_decimals(&[0.0, 5.0]), 0);
}

#[test]
fn a_curve_leaving_the_range_is_cut_at_the_edge() {
    let runs = clip_y(
        &[(0.0, 50.0), (1.0, 30.0), (2.0, 10.0), (3.0, 5.0)],
        0.0,
        40.0,
    );
    assert_eq!(
        runs,
        [vec![(0.5, 40.0), (1.0, 30.0), (2.0, 10.0), (3.0, 5.0)]]
    );
    let runs = clip_y(
        &[(0.0, 10.0), (1.0, 50.0), (2.0, 60.0), (3.0, 20.0)],
        0.0,
        40.0,
    );
    assert_eq!(
        runs,
        [
            vec![(0.0, 10.0), (0.75, 40.0)],
            vec![(2.5, 40.0), (3.0, 20.0)]
        ]
    );
}

#[test]
fn dodged_labels_keep_their_gap_and_order() {
    let mut ys = [100.0, 102.0, 50.0];
    dodge(&mut ys, 10.0, 0.0, 200.0);
    assert_eq!(ys, [100.0, 110.0, 50.0]);
    let mut ys = [195.0, 198.0];
    dodge(&mut ys, 10.0, 0.0, 200.0);
    assert_eq!(ys, [190.0, 200.0]);
}

#[test]
fn long_text_wraps_then_shrinks() {
    let font = Font::new(20.0, palette::BLACK);
    let text = "Bournemouth, Christchurch and Poole";
    let width = font.width(text);
    assert_eq!(wrap(text, font, width), [text]);
    assert_eq!(
        wrap(text, font, width * 0.8),
        ["Bournemouth, Christchurch", "and Poole"]
    );
    assert_eq!(
        wrap(text, font, width * 0.5),
        ["Bournemouth,", "Christchurch and", "Poole"]
    );
    let (small, lines) = fit_lines(text, font, width * 0.6, 1, 5.0);
    assert_eq!(lines, [text]);
    assert!(small.em < 20.0 && small.width(text) <= width * 0.6);
}
