//! Tests for the rules stage.
