//! The extent of one `.ods` table and of the row being read, as calamine lays them out.

/// One table's extent, as calamine's `read_table` and `get_range` would lay it out.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Rows so far, repeats expanded and capped as calamine caps them.
    pub(super) rows: u64,
    /// Text bytes of the table's cells, every copy counted.
    pub(super) text: u64,
    /// Row elements so far.
    pub(super) elements: u64,
    /// Cells calamine pushes while reading, before expanding repeated rows.
    pub(super) raw: u64,
    /// Expanded row range and element range of rows with a filled cell; column range.
    pub(super) first_row: Option<u64>,
    pub(super) end_row: u64,
    pub(super) first_element: u64,
    pub(super) last_element: u64,
    pub(super) col_min: u64,
    pub(super) col_max: u64,
}

impl Table {
    pub(super) fn cells(&self) -> u64 {
        let Some(first) = self.first_row else {
            return self.raw;
        };
        let width = (self.col_max + 1).saturating_sub(self.col_min);
        let dense = self.end_row.saturating_sub(first).saturating_mul(width);
        let elements = (self.last_element + 1 - self.first_element).saturating_mul(width);
        self.raw.max(dense).max(elements)
    }
}

/// The row being read: calamine pushes cells up to its last filled one.
#[derive(Debug, Default)]
pub(super) struct Row {
    pub(super) repeats: u64,
    /// Text bytes of the row's cells, column repeats counted.
    pub(super) text: u64,
    pub(super) col: u64,
    pub(super) pending_empty: u64,
    pub(super) first: Option<u64>,
    pub(super) last: u64,
}
