//! Tests for the ingest stage.
