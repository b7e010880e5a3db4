//! Tests for the aggregate stage.
