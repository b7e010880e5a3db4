//! Tests for the sample stage.
