//! The run's console summary and exports under the Presenter's modes, from the library.

use kinbench::report::run::{self, RunOptions};
use kinbench::report::OutputsWritten;

use super::{prepared, schema};

#[test]
fn the_summary_scrubs_names_and_codes_when_anonymising() {
    let options = RunOptions {
        anonymise: true,
        ..RunOptions::default()
    };
    let p = prepared(&options);
    let ctx = p.context(schema());
    let text = run::run_summary(&ctx, &p.benchmark, &OutputsWritten::default());
    // Reading (870) sent nothing for 2025-26 Q2.
    let reading = p.presenter.la_name("870", "Reading");
    assert!(
        text.contains(&format!("  2025-26 Q2: {reading}\n")),
        "{text}"
    );
    for la in &p.validation.region {
        assert!(!text.contains(&la.name), "{}", la.name);
        assert!(!text.contains(&format!("({})", la.code)), "{}", la.code);
    }
}

#[test]
fn the_headline_rounds_nothing_internally_and_shows_one_decimal_in_publish_mode() {
    let internal = prepared(&RunOptions::default());
    let text = run::headline(&internal.context(schema()), &internal.benchmark);
    assert!(text.contains("59.8%"), "{text}");
    let published = prepared(&RunOptions {
        publish: true,
        ..RunOptions::default()
    });
    let ctx = published.context(schema());
    assert!(run::headline(&ctx, &published.benchmark).contains("59.8%"));
    assert_eq!(
        ctx.presenter.mode_note(),
        run::run_summary(&ctx, &published.benchmark, &OutputsWritten::default())
            .lines()
            .next()
            .unwrap()
    );
}

/// The library's run, not only the command line, orders the letters by the key.
#[test]
fn prepare_orders_the_letters_by_the_anonymise_key() {
    // Each region LA's (code, letter).
    let letters = |key: &str| {
        let p = prepared(&RunOptions {
            anonymise: true,
            anonymise_key: key.to_string(),
            ..RunOptions::default()
        });
        let region = &p.validation.region;
        region
            .iter()
            .map(|la| (la.code.clone(), p.presenter.la(la)))
            .collect::<Vec<_>>()
    };
    let (plain, keyed) = (letters(""), letters("south east secret"));
    assert_eq!(plain.len(), 19);
    assert_ne!(plain, keyed);
    assert_eq!(keyed, letters("south east secret"), "stable for a key");
    // With no key, 931 Oxfordshire is LA K (as tests/it/run/cli.rs pins).
    assert!(plain.contains(&("931".to_string(), "LA K".to_string())));
}
