//! Reading limits, so a hostile or broken file costs a finding, not the run.

/// Defaults suit a one-sheet return of a few hundred cells with a wide margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest total uncompressed size of a zip-based file (xlsx, xlsm, ods), in bytes.
    pub max_uncompressed_bytes: u64,
    /// Largest compression ratio of any one zip entry (decompression bombs).
    pub max_compression_ratio: u64,
    /// Most zip entries.
    pub max_zip_entries: usize,
    /// Most non-empty cells over all sheets.
    pub max_cells: usize,
    /// Most cells of the dense grids an `.xls` or `.ods` reader builds (every cell from a
    /// sheet's first used cell to its last, repeated cells expanded), over all sheets;
    /// checked from the file's layout before any grid is built.
    pub max_grid_cells: usize,
    /// Most bytes of cell text over all sheets, every copy counted: a shared string is
    /// copied into each cell that uses it, a repeated `.ods` cell into each repeat.
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_uncompressed_bytes: 200 * 1024 * 1024,
            max_compression_ratio: 200,
            max_zip_entries: 2_000,
            max_cells: 1_000_000,
            max_grid_cells: 1_000_000,
            max_text_bytes: 64 * 1024 * 1024,
        }
    }
}
