//! Tests for the feedback stage.
