//! Values, findings and metrics → files people read: per-LA feedback, the
//! analyst's findings CSV, the console summary.

pub mod charts;
