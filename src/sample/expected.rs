//! The findings each planted fault must raise, derived by hand from the rules
//! as docs/rules.md and shared/spec/return.md describe them (severity by
//! family: rejected values, unreadable or unidentified files and pairs are
//! errors; markers, sums and plausibility warnings; normalisations and
//! superseded returns info). Changes against the neighbouring quarters
//! (PLAUS003) depend on the drawn values and are added by `faults::change_rows`.

use super::faults::Fault;
use At::{Header, Item, Nowhere};
use Found::{Cell, Nothing, Sheet};

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

/// What the finding's value (the value as found) is.
#[derive(Debug, Clone, Copy)]
pub enum Found {
    /// None (file-level findings, a blank cell).
    Nothing,
    /// What was planted in the cell the finding points at, as typed.
    Cell,
    /// The name of the sheet the return is read from.
    Sheet,
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
    /// `error`, `warning` or `info`; empty when no finding is expected.
    pub severity: &'static str,
    pub items: &'static str,
    pub at: At,
    pub value: Found,
    pub file: In,
    pub note: &'static str,
}

const fn on(
    rule: &'static str,
    severity: &'static str,
    items: &'static str,
    at: At,
    value: Found,
    note: &'static str,
) -> Expect {
    Expect {
        rule,
        severity,
        items,
        at,
        value,
        file: In::Carrier,
        note,
    }
}

/// FILE020 for the LA and period, on no file.
const fn not_received(note: &'static str) -> Expect {
    Expect {
        rule: "FILE020",
        severity: "warning",
        items: "",
        at: At::Nowhere,
        value: Found::Nothing,
        file: In::NoFile,
        note,
    }
}

/// The hand-derived table: what each fault must raise.
pub fn expected(fault: Fault) -> &'static [Expect] {
    match fault {
        Fault::NumeratorWithoutDenominator => NUMERATOR_WITHOUT_DENOMINATOR,
        Fault::PartExceedsWhole => PART_EXCEEDS_WHOLE,
        Fault::PartsDoNotAddUp => PARTS_DO_NOT_ADD_UP,
        Fault::NumberAsText => NUMBER_AS_TEXT,
        Fault::NotProvidedMarker => NOT_PROVIDED_MARKER,
        Fault::WithheldMarker => WITHHELD_MARKER,
        Fault::ErrorCell => ERROR_CELL,
        Fault::Negative => NEGATIVE,
        Fault::FractionInCount => FRACTION_IN_COUNT,
        Fault::SheetRenamed => SHEET_RENAMED,
        Fault::RowsMoved => ROWS_MOVED,
        Fault::LaMismatch => LA_MISMATCH,
        Fault::Resubmission => RESUBMISSION,
        Fault::MissingReturn => MISSING_RETURN,
    }
}

// Pairs and sums.

/// B01 blank while B02 is given: M01 (B02/B01) and M02 ((B02+B03)/B01) each have a
/// numerator and no denominator, cell = B01 (the first unusable denominator item).
/// B02 + B03 <= B01 needs every item usable, so no sum finding; no change check on a blank.
/// The value as found in the blank B01 is empty.
const NUMERATOR_WITHOUT_DENOMINATOR: &[Expect] = &[
    on(
        "PAIR001",
        "error",
        "B02 B01",
        Item("B01"),
        Cell,
        "M01: B01 blank while B02 given",
    ),
    on(
        "PAIR001",
        "error",
        "B02 B03 B01",
        Item("B01"),
        Cell,
        "M02: B01 blank while B02 and B03 given",
    ),
];

/// C02 = C01 + 2 (C01 > 0): the part exceeds its whole (SUM002, cell = the first part),
/// and M07 = C02/C01 is a percentage with numerator > denominator (PAIR003, cell = numerator).
const PART_EXCEEDS_WHOLE: &[Expect] = &[
    on(
        "SUM002",
        "warning",
        "C02 C01",
        Item("C02"),
        Cell,
        "C02 <= C01: C02 set to C01 + 2",
    ),
    on(
        "PAIR003",
        "error",
        "C02 C01",
        Item("C02"),
        Cell,
        "M07: C02 > C01",
    ),
];

/// E01 = its clean value + 3: the reasons no longer add up (SUM001, cell = the whole).
/// E01 is M10's numerator, a per-100 rate, so no PAIR003.
const PARTS_DO_NOT_ADD_UP: &[Expect] = &[on(
    "SUM001",
    "warning",
    "E02 E03 E04 E05 E06 E01",
    Item("E01"),
    Cell,
    "sum(E02..E06) = E01: E01 set 3 above the reasons' sum",
)];

// One cell's value.

/// A01 typed as text with its clean value: used, with VAL001 only.
const NUMBER_AS_TEXT: &[Expect] = &[on(
    "VAL001",
    "info",
    "A01",
    Item("A01"),
    Cell,
    "A01 typed as text",
)];

/// D03 = n/a: not provided. D03 is in no relation and no metric.
const NOT_PROVIDED_MARKER: &[Expect] = &[on(
    "VAL002",
    "warning",
    "D03",
    Item("D03"),
    Cell,
    "D03 = n/a",
)];

/// B03 = c: withheld. M02's numerator (B02 + B03) is incomplete while B01 is given:
/// PAIR002, cell = B03 (the first unusable numerator item). M01 does not use B03;
/// B02 + B03 <= B01 is skipped.
const WITHHELD_MARKER: &[Expect] = &[
    on("VAL003", "warning", "B03", Item("B03"), Cell, "B03 = c"),
    on(
        "PAIR002",
        "error",
        "B02 B03 B01",
        Item("B03"),
        Cell,
        "M02: B03 withheld while B01 given",
    ),
];

/// D05 = =1/0 with cached #DIV/0!: rejected, so D05 <= D04 is skipped.
const ERROR_CELL: &[Expect] = &[on(
    "VAL004",
    "error",
    "D05",
    Item("D05"),
    Cell,
    "D05 = =1/0 (#DIV/0!)",
)];

/// B02a negative: rejected, so M11 and sum(B02a..B02d) = B02 are skipped.
const NEGATIVE: &[Expect] = &[on(
    "VAL007",
    "error",
    "B02a",
    Item("B02a"),
    Cell,
    "B02a negative",
)];

/// A04 + 0.5: rejected, so A04 <= A03 is skipped; A04 is in no metric.
const FRACTION_IN_COUNT: &[Expect] = &[on(
    "VAL008",
    "error",
    "A04",
    Item("A04"),
    Cell,
    "A04 has a fraction",
)];

// The file as a whole.

/// The table is found on the first visible sheet instead.
const SHEET_RENAMED: &[Expect] = &[on(
    "FILE006",
    "info",
    "",
    Nowhere,
    Sheet,
    "sheet renamed to Kinship return",
)];

/// Rows reordered, a blank and a comment row inserted, an extra sheet: read the same.
const ROWS_MOVED: &[Expect] = &[on(
    "",
    "",
    "",
    Nowhere,
    Nothing,
    "rows moved and inserted, extra sheet: no finding",
)];

/// LA code of this LA, name of another: FILE009 at the Local authority cell; the
/// return is unusable, so this LA has no usable return for the period (FILE020).
const LA_MISMATCH: &[Expect] = &[
    on(
        "FILE009",
        "error",
        "",
        Header("la_name"),
        Cell,
        "LA name of another LA",
    ),
    not_received("derived: the LA's only return for the period is unusable"),
];

/// Two files; the older (earlier Date completed, A01 + 4) loses to the newer.
const RESUBMISSION: &[Expect] = &[on(
    "FILE018",
    "info",
    "",
    Nowhere,
    Nothing,
    "older of two submissions (A01 later corrected)",
)];

/// Nothing sent for the period.
const MISSING_RETURN: &[Expect] = &[not_received("no return sent")];
