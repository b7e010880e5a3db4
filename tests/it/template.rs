//! Tests for the template stage.
