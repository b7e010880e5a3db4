//! The findings each planted fault must raise, derived by hand from
//! /work/notes/rule-semantics.md. Changes against the neighbouring quarters
//! (PLAUS003) depend on the drawn values and are added by `faults::change_rows`.

use super::faults::Fault;

/// Where an expected finding points.
#[derive(Debug, Clone, Copy)]
pub enum At {
    /// The Value cell of this item in the faulted file.
    Item(&'static str),
    /// The value cell of this header field.
    Header(&'static str),
    /// No cell (file-level findings).
    Nowhere,
}

/// Which file the finding is on.
#[derive(Debug, Clone, Copy)]
pub enum In {
    /// The faulted file (for a resubmission, the older one).
    Carrier,
    /// None: a return not received (FILE020).
    NoFile,
}

/// One expected finding; an empty `rule` means the fault must raise none.
#[derive(Debug, Clone, Copy)]
pub struct Expect {
    pub rule: &'static str,
    pub items: &'static str,
    pub at: At,
    pub file: In,
    pub note: &'static str,
}

const fn on(rule: &'static str, items: &'static str, at: At, note: &'static str) -> Expect {
    Expect {
        rule,
        items,
        at,
        file: In::Carrier,
        note,
    }
}

/// The hand-derived table.
pub fn expected(fault: Fault) -> Vec<Expect> {
    use At::{Header, Item, Nowhere};
    match fault {
        // B01 blank while B02 is given: M01 (B02/B01) and M02 ((B02+B03)/B01) each have a
        // numerator and no denominator, cell = B01 (the first unusable denominator item).
        // B02 + B03 <= B01 needs every item usable, so no sum finding; no change check on a blank.
        Fault::NumeratorWithoutDenominator => vec![
            on(
                "PAIR001",
                "B02 B01",
                Item("B01"),
                "M01: B01 blank while B02 given",
            ),
            on(
                "PAIR001",
                "B02 B03 B01",
                Item("B01"),
                "M02: B01 blank while B02 and B03 given",
            ),
        ],
        // C02 = C01 + 2 (C01 > 0): the part exceeds its whole (SUM002, cell = the first part),
        // and M07 = C02/C01 is a percentage with numerator > denominator (PAIR003, cell = numerator).
        Fault::PartExceedsWhole => vec![
            on(
                "SUM002",
                "C02 C01",
                Item("C02"),
                "C02 <= C01: C02 set to C01 + 2",
            ),
            on("PAIR003", "C02 C01", Item("C02"), "M07: C02 > C01"),
        ],
        // E01 = its clean value + 3: the reasons no longer add up (SUM001, cell = the whole).
        // E01 is M10's numerator, a per-100 rate, so no PAIR003.
        Fault::PartsDoNotAddUp => vec![on(
            "SUM001",
            "E02 E03 E04 E05 E06 E01",
            Item("E01"),
            "sum(E02..E06) = E01: E01 set 3 above the reasons' sum",
        )],
        // A01 typed as text with its clean value: used, with VAL001 only.
        Fault::NumberAsText => vec![on("VAL001", "A01", Item("A01"), "A01 typed as text")],
        // D03 = n/a: not provided. D03 is in no relation and no metric.
        Fault::NotProvidedMarker => vec![on("VAL002", "D03", Item("D03"), "D03 = n/a")],
        // B03 = c: withheld. M02's numerator (B02 + B03) is incomplete while B01 is given:
        // PAIR002, cell = B03 (the first unusable numerator item). M01 does not use B03;
        // B02 + B03 <= B01 is skipped.
        Fault::WithheldMarker => vec![
            on("VAL003", "B03", Item("B03"), "B03 = c"),
            on(
                "PAIR002",
                "B02 B03 B01",
                Item("B03"),
                "M02: B03 withheld while B01 given",
            ),
        ],
        // D05 = =1/0 with cached #DIV/0!: rejected, so D05 <= D04 is skipped.
        Fault::ErrorCell => vec![on("VAL004", "D05", Item("D05"), "D05 = =1/0 (#DIV/0!)")],
        // B02a negative: rejected, so M11 and sum(B02a..B02d) = B02 are skipped.
        Fault::Negative => vec![on("VAL007", "B02a", Item("B02a"), "B02a negative")],
        // A04 + 0.5: rejected, so A04 <= A03 is skipped; A04 is in no metric.
        Fault::FractionInCount => vec![on("VAL008", "A04", Item("A04"), "A04 has a fraction")],
        // The table is found on the first visible sheet instead.
        Fault::SheetRenamed => vec![on(
            "FILE006",
            "",
            Nowhere,
            "sheet renamed to Kinship return",
        )],
        // Rows reordered, a blank and a comment row inserted, an extra sheet: read the same.
        Fault::RowsMoved => vec![on(
            "",
            "",
            Nowhere,
            "rows moved and inserted, extra sheet: no finding",
        )],
        // LA code of this LA, name of another: FILE009 at the Local authority cell; the
        // return is unusable, so this LA has no usable return for the period (FILE020).
        Fault::LaMismatch => vec![
            on("FILE009", "", Header("la_name"), "LA name of another LA"),
            Expect {
                rule: "FILE020",
                items: "",
                at: Nowhere,
                file: In::NoFile,
                note: "derived: the LA's only return for the period is unusable",
            },
        ],
        // Two files; the older (earlier Date completed, A01 + 4) loses to the newer.
        Fault::Resubmission => {
            vec![on(
                "FILE018",
                "",
                Nowhere,
                "older of two submissions (A01 later corrected)",
            )]
        }
        // Nothing sent for the period.
        Fault::MissingReturn => vec![Expect {
            rule: "FILE020",
            items: "",
            at: Nowhere,
            file: In::NoFile,
            note: "no return sent",
        }],
    }
}
