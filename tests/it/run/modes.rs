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
